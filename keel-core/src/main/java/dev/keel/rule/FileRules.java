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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The file rules of one run, with a dispatch table from node class to the rules that want it, so
 * each file is walked once whatever the number of rules.
 */
public final class FileRules {
  private record Entry(RuleDescriptor descriptor, FileRule rule) {}

  /**
   * A call rule as the walk hands it the calls whose callee's last name is one of its names: all of
   * them ({@code anyCallee}: it named {@code "*.NAME"}, or every call), or those that resolve to
   * one of {@code qualified}.
   */
  private record CallEntry(
      RuleDescriptor descriptor, CallRule rule, boolean anyCallee, Set<String> qualified) {}

  private final List<Entry> all = new ArrayList<>();
  private final Map<Class<?>, Entry[]> byKind = new HashMap<>();

  /** Call rules that want every call ({@link CallRule#EVERY_CALL}). */
  private CallEntry[] everyCall = new CallEntry[0];

  /** The other call rules, by the last name of the callees they want. */
  private final Map<String, CallEntry[]> byCallee = new HashMap<>();

  private boolean anyCalls;

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
    List<CallEntry> every = new ArrayList<>();
    Map<String, List<CallEntry>> callLists = new HashMap<>();
    for (RuleDescriptor d : rules) {
      if (d.rule() instanceof FileRule fr) {
        Entry e = new Entry(d, fr);
        all.add(e);
        for (Class<? extends Node> k : fr.nodeKinds()) {
          if (k == Expr.Call.class && fr instanceof CallRule) {
            throw new IllegalArgumentException(
                d.code() + ": a call rule receives calls through visitCall, not nodeKinds");
          }
          lists.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
        }
        if (fr instanceof CallRule cr) {
          addCallRule(d, cr, every, callLists);
        }
      }
    }
    if (anyCalls) {
      // Calls go through the walk's call dispatch even when no other rule wants them.
      lists.putIfAbsent(Expr.Call.class, new ArrayList<>());
    }
    lists.forEach((k, v) -> byKind.put(k, v.toArray(Entry[]::new)));
    inertNames = !byKind.containsKey(Expr.Name.class) && !byKind.containsKey(Expr.Attribute.class);
    fillDispatch();
    everyCall = every.toArray(CallEntry[]::new);
    callLists.forEach((k, v) -> byCallee.put(k, v.toArray(CallEntry[]::new)));
  }

  /**
   * The filter of a call rule, derived from the names it gives: by last name, each either open to
   * any callee of that name or to the qualified names that end in it.
   */
  private void addCallRule(
      RuleDescriptor d,
      CallRule rule,
      List<CallEntry> every,
      Map<String, List<CallEntry>> callLists) {
    Set<String> calls = rule.calls();
    if (calls.isEmpty()) {
      throw new IllegalArgumentException(d.code() + ": a call rule names the calls it wants");
    }
    anyCalls = true;
    if (calls.contains(CallRule.EVERY_CALL)) {
      every.add(new CallEntry(d, rule, true, Set.of()));
      return;
    }
    Map<String, Set<String>> qualifiedByLast = new TreeMap<>();
    Set<String> anyByLast = new HashSet<>();
    for (String name : calls) {
      if (name.startsWith("*.")) {
        String last = name.substring(2);
        anyByLast.add(last);
        qualifiedByLast.computeIfAbsent(last, x -> new HashSet<>());
      } else {
        String last = name.substring(name.lastIndexOf('.') + 1);
        qualifiedByLast.computeIfAbsent(last, x -> new HashSet<>()).add(name);
      }
    }
    qualifiedByLast.forEach(
        (last, qualified) ->
            callLists
                .computeIfAbsent(last, x -> new ArrayList<>())
                .add(
                    new CallEntry(
                        d,
                        rule,
                        anyByLast.contains(last),
                        anyByLast.contains(last) ? Set.of() : Set.copyOf(qualified))));
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
      if (anyCalls && n instanceof Expr.Call call) {
        calls(call);
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

    /** Hands a call to the rules that want every call, then to those that want its callee. */
    private void calls(Expr.Call call) {
      for (CallEntry e : everyCall) {
        visit.use(e.descriptor());
        e.rule().visitCall(call, visit);
      }
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

    private void visitAll(CallEntry[] entries, Expr.Call call) {
      if (entries != null) {
        for (CallEntry e : entries) {
          // Resolved only for a rule that asks which function it is: FileVisit keeps the answer
          // for the rule's own question.
          if (e.anyCallee()
              || e.qualified().contains(visit.qualifiedName(call.func()).orElse(""))) {
            visit.use(e.descriptor());
            e.rule().visitCall(call, visit);
          }
        }
      }
    }
  }
}
