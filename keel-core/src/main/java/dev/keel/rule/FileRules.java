package dev.keel.rule;

import dev.keel.config.KeelConfig;
import dev.keel.finding.Finding;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.ast.Alias;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Keyword;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.SyntaxChildren;
import dev.keel.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The file rules of one run, with a dispatch table from node class to the rules that want it, so
 * each file is walked once whatever the number of rules.
 */
public final class FileRules {
  private record Entry(RuleDescriptor descriptor, FileRule rule) {}

  private final List<Entry> all = new ArrayList<>();
  private final Map<Class<?>, Entry[]> byKind = new HashMap<>();

  /** Rules that want only some calls ({@link FileRule#callees}), by the callee's last part. */
  private final Map<String, Entry[]> byCallee = new HashMap<>();

  private boolean anyCallees;

  /** No rule wants the kind. */
  private static final Entry[] NONE = new Entry[0];

  /** No rule wants the kind, and it has no children: the walk need not even enter it. */
  private static final Entry[] SKIP = new Entry[0];

  /** Leaf kinds: nothing below them for a rule to see. */
  private static final Set<Class<?>> LEAVES =
      Set.of(
          Expr.Name.class,
          Expr.Constant.class,
          Alias.class,
          Stmt.Pass.class,
          Stmt.Break.class,
          Stmt.Continue.class,
          Stmt.Global.class,
          Stmt.Nonlocal.class);

  /**
   * Whether no rule wants names or attributes, so a chain of attributes over a name ({@code
   * self.x}, {@code os.path.join}) holds nothing for any rule.
   */
  private boolean inertNames;

  private static boolean isNameChain(Expr.Attribute a) {
    Expr v = a.value();
    while (v instanceof Expr.Attribute inner) {
      v = inner.value();
    }
    return v instanceof Expr.Name;
  }

  /**
   * What the walk does with each node class, in an open-addressing table over every class of the
   * sealed syntax tree, filled here and read-only afterwards (threads share it): one identity hash
   * and a probe or two per node.
   */
  private final Class<?>[] kindKeys = new Class<?>[512];

  private final Entry[][] kindValues = new Entry[512][];

  private void fillDispatch() {
    List<Class<?>> kinds = new ArrayList<>();
    concreteKinds(Node.class, kinds);
    if (kinds.size() * 2 > kindKeys.length) {
      throw new IllegalStateException("dispatch table too small for " + kinds.size() + " kinds");
    }
    for (Class<?> kind : kinds) {
      Entry[] wanted = byKind.get(kind);
      Entry[] value = wanted != null ? wanted : LEAVES.contains(kind) ? SKIP : NONE;
      int h = System.identityHashCode(kind) & (kindKeys.length - 1);
      while (kindKeys[h] != null) {
        h = (h + 1) & (kindKeys.length - 1);
      }
      kindKeys[h] = kind;
      kindValues[h] = value;
    }
  }

  private static void concreteKinds(Class<?> c, List<Class<?>> out) {
    Class<?>[] permitted = c.getPermittedSubclasses();
    if (permitted == null) {
      out.add(c);
      return;
    }
    for (Class<?> p : permitted) {
      concreteKinds(p, out);
    }
  }

  private Entry[] dispatch(Class<?> kind) {
    int h = System.identityHashCode(kind) & (kindKeys.length - 1);
    Class<?> k;
    while ((k = kindKeys[h]) != kind) {
      if (k == null) {
        return NONE;
      }
      h = (h + 1) & (kindKeys.length - 1);
    }
    return kindValues[h];
  }

  /** The file rules among {@code rules}. */
  public FileRules(List<RuleDescriptor> rules) {
    Map<Class<?>, List<Entry>> lists = new HashMap<>();
    Map<String, List<Entry>> callLists = new HashMap<>();
    for (RuleDescriptor d : rules) {
      if (d.rule() instanceof FileRule fr) {
        Entry e = new Entry(d, fr);
        all.add(e);
        for (Class<? extends Node> k : fr.nodeKinds()) {
          if (k == Expr.Call.class && !fr.callees().isEmpty()) {
            for (String callee : fr.callees()) {
              callLists.computeIfAbsent(callee, x -> new ArrayList<>()).add(e);
            }
            anyCallees = true;
          } else {
            lists.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
          }
        }
      }
    }
    if (anyCallees) {
      // Calls go through the walk's callee dispatch even when no rule wants every call.
      lists.putIfAbsent(Expr.Call.class, new ArrayList<>());
    }
    lists.forEach((k, v) -> byKind.put(k, v.toArray(Entry[]::new)));
    inertNames = !byKind.containsKey(Expr.Name.class) && !byKind.containsKey(Expr.Attribute.class);
    fillDispatch();
    callLists.forEach((k, v) -> byCallee.put(k, v.toArray(Entry[]::new)));
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }

  /** Runs every file rule over one parsed file and returns what they found. */
  public List<Finding> check(ProjectFile file, ParseResult parse, KeelConfig config) {
    return check(file, parse, config, null);
  }

  /**
   * Runs every file rule over one parsed file whose semantic model the caller already built ({@code
   * null}: built on first use by a rule).
   */
  public List<Finding> check(
      ProjectFile file, ParseResult parse, KeelConfig config, SemanticModel semantic) {
    FileVisit visit = new FileVisit(file, parse, config, semantic);
    if (!byKind.isEmpty()) {
      new Walk(visit).accept(parse.module());
    }
    for (Entry e : all) {
      visit.use(e.descriptor());
      e.rule().finish(visit);
    }
    return visit.findings();
  }

  /**
   * The walk over one file: itself the callback for each child, so visiting a node allocates
   * nothing.
   */
  private final class Walk implements Consumer<Node> {
    private final FileVisit visit;

    /**
     * Nodes entered: a deep expression is one statement, so the deadline is checked by count too.
     */
    private int steps;

    Walk(FileVisit visit) {
      this.visit = visit;
    }

    @Override
    public void accept(Node n) {
      Entry[] wanted = dispatch(n.getClass());
      if (wanted == SKIP) {
        return;
      }
      for (Entry e : wanted) {
        visit.use(e.descriptor());
        e.rule().visit(n, visit);
      }
      if (inertNames && n instanceof Expr.Attribute a && isNameChain(a)) {
        return; // `self.x`, `os.path.join`: nothing below for any rule (13% of all nodes)
      }
      if (anyCallees && n instanceof Expr.Call call) {
        byCallee(call);
      }
      if ((n instanceof Stmt || (++steps & 1023) == 0) && Thread.currentThread().isInterrupted()) {
        // The file ran past its deadline and was abandoned: stop here rather than finish unseen.
        throw new java.util.concurrent.CancellationException("file rules abandoned");
      }
      visit.enter(n);
      // The commonest kinds' children here, in SyntaxChildren's order, where the calls back into
      // this walk can be inlined; every other kind through SyntaxChildren.
      switch (n) {
        case Expr.Call c -> {
          one(c.func());
          all(c.args());
          all(c.keywords());
        }
        case Expr.Attribute a -> one(a.value());
        case Stmt.ExprStmt x -> one(x.value());
        case Stmt.Assign x -> {
          all(x.targets());
          one(x.value());
        }
        case Keyword k -> one(k.value());
        default -> SyntaxChildren.forEach(n, this);
      }
      visit.leave();
    }

    private void one(Node child) {
      if (child != null) {
        accept(child);
      }
    }

    private void all(List<? extends Node> nodes) {
      for (int i = 0, size = nodes.size(); i < size; i++) {
        one(nodes.get(i));
      }
    }

    /** Hands a call to the rules that want calls of its callee's name. */
    private void byCallee(Expr.Call call) {
      String name =
          switch (call.func()) {
            case Expr.Attribute a -> a.attr();
            case Expr.Name id -> id.id();
            default -> null;
          };
      if (name == null) {
        return;
      }
      visitAll(byCallee.get(name), call);
      if (call.func() instanceof Expr.Name id && visit.importedUnderAnotherName(id)) {
        // `from time import sleep as nap`: nap() is a call of time.sleep.
        String q = visit.qualifiedName(id).orElse(name);
        String original = q.substring(q.lastIndexOf('.') + 1);
        if (!original.equals(name)) {
          visitAll(byCallee.get(original), call);
        }
      }
    }

    private void visitAll(Entry[] entries, Node n) {
      if (entries != null) {
        for (Entry e : entries) {
          visit.use(e.descriptor());
          e.rule().visit(n, visit);
        }
      }
    }
  }
}
