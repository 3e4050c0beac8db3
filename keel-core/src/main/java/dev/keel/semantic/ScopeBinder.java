package dev.keel.semantic;

import dev.keel.python.ParseResult;
import dev.keel.python.ast.Alias;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.python.source.Comment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shared core of the binder: the scopes and the stack of them, the bindings they hold (with
 * pyflakes' rules for redefinition), the tree's parent links and forks, and the reports of name
 * issues. The binder is split by area across an inheritance chain ({@code ScopeBinder} ← {@link
 * NameBinder} ← {@link ImportBinder} ← {@link DefinitionBinder} ← {@link ExpressionBinder} ← {@link
 * Binder}) so that the walk stays a set of final or private methods on one object: a part calls a
 * part above it through an abstract method that only {@link Binder} implements.
 */
abstract class ScopeBinder {
  private static final Set<String> TYPING_MODULES = Set.of("typing", "typing_extensions");
  private static final Set<String> ALWAYS_USED_LOCALS =
      Set.of("__tracebackhide__", "__traceback_info__", "__traceback_supplement__");
  static final List<String> MODULE_MAGIC =
      List.of("__file__", "__builtins__", "__annotations__", "WindowsError");

  enum AnnotationState {
    NONE,
    STRING,
    BARE
  }

  record Deferred(Runnable action, List<Scope> stack) {}

  final ParseResult parse;
  final ModuleContext context;
  final Map<Node, Node> parents;
  final Map<Expr.Name, Binding> resolved;
  final List<Scope> scopes = new ArrayList<>();

  /**
   * Every name that some import or a builtin binds somewhere in the module: only these can have a
   * qualified name, so resolving any other name is skipped without a lookup.
   */
  final Set<String> importedOrBuiltin = new HashSet<>();

  /**
   * Names some import binds to a thing whose own name differs ({@code nap} after {@code from time
   * import sleep as nap}).
   */
  final Set<String> renamedImports = new HashSet<>();

  final List<NameIssue> issues = new ArrayList<>();
  final Map<Scope, Set<String>> functionGlobals = new IdentityHashMap<>();
  List<Scope> stack = new ArrayList<>();
  final List<Deferred> deferredFunctions = new ArrayList<>();
  final List<Deferred> deferredAssignments = new ArrayList<>();
  final Deque<List<String>> exceptHandlers = new ArrayDeque<>();
  final List<Scope> deadScopes = new ArrayList<>();
  AnnotationState annotationState = AnnotationState.NONE;
  boolean inDeferred;
  boolean annotationsFuture;
  TextRange reportAt;
  Scope moduleScope;
  final Map<Node, List<Comment>> typeComments = new IdentityHashMap<>();

  ScopeBinder(ParseResult parse, ModuleContext context) {
    this.parse = parse;
    this.context = context;
    // Sized for the file up front: growing an identity map node by node costs more than the walk.
    int expected = Math.max(64, parse.text().length() / 6);
    this.parents = new IdentityHashMap<>(expected);
    this.resolved = new IdentityHashMap<>(expected / 4);
  }

  final Scope push(ScopeKind kind, Node node) {
    Scope s = new Scope(kind, node, stack.isEmpty() ? null : scope());
    stack.add(s);
    scopes.add(s);
    if (s.isFunctionLike()) {
      functionGlobals.put(s, new HashSet<>(ALWAYS_USED_LOCALS));
    }
    return s;
  }

  final void pop() {
    deadScopes.add(stack.remove(stack.size() - 1));
  }

  final Scope scope() {
    return stack.get(stack.size() - 1);
  }

  final void defer(Runnable r) {
    deferredFunctions.add(new Deferred(r, new ArrayList<>(stack)));
  }

  /**
   * Whether the walk handled {@code n} (every node of the module's tree except unreachable ones).
   */
  final boolean saw(Node n) {
    return parents.containsKey(n);
  }

  final void setParent(Node child, Node parent) {
    if (child != null) {
      parents.put(child, parent);
    }
  }

  /** The nearest ancestor that is not a tuple, list, set, starred, name, attribute or subscript. */
  final Node statementParent(Node node) {
    Node p = parents.get(node);
    while (p instanceof Expr.Tuple
        || p instanceof Expr.ListExpr
        || p instanceof Expr.SetExpr
        || p instanceof Expr.Starred
        || p instanceof Expr.Name
        || p instanceof Expr.Attribute
        || p instanceof Expr.Subscript) {
      p = parents.get(p);
    }
    return p;
  }

  /**
   * Whether two nodes sit on different branches of an if/else or a try/except (pyflakes'
   * differentForks: the branches of an {@code if} are its body and the rest; of a {@code try}, its
   * body with its else, and each handler).
   */
  private boolean differentForks(Node a, Node b) {
    if (a == null || b == null) {
      return false;
    }
    Node x = a;
    Node y = b;
    Node belowX = null;
    Node belowY = null;
    // The common case, a name bound again nearby (the same body, a sibling statement): the
    // common ancestor is a few steps up from both, found without the depth table.
    Node[] upA = new Node[NEAR + 1];
    int na = 0;
    for (Node n = a; n != null && na <= NEAR; n = parents.get(n)) {
      upA[na++] = n;
    }
    Node below = null;
    int steps = 0;
    for (Node n = b; n != null && steps <= NEAR; n = parents.get(n), steps++) {
      for (int i = 0; i < na; i++) {
        if (upA[i] == n) {
          if (n == a || n == b) {
            return false;
          }
          return forks(n, upA[i - 1], below);
        }
      }
      below = n;
    }
    // Up from the deeper node to the other's depth, then both together to their common ancestor:
    // steps only up to that ancestor, so a chain of thousands of elifs, each binding the same
    // name as the one before, stays linear.
    int da = depth(a);
    int db = depth(b);
    for (; da > db; da--) {
      belowX = x;
      x = parents.get(x);
    }
    for (; db > da; db--) {
      belowY = y;
      y = parents.get(y);
    }
    while (x != y && x != null && y != null) {
      belowX = x;
      belowY = y;
      x = parents.get(x);
      y = parents.get(y);
    }
    Node ancestor = x == y ? x : null;
    if (ancestor == null || ancestor == a || ancestor == b) {
      return false;
    }
    return forks(ancestor, belowX, belowY);
  }

  /**
   * Whether {@code belowX} and {@code belowY}, children of {@code ancestor}, are on different
   * branches of it (it is an if or a try).
   */
  private boolean forks(Node ancestor, Node belowX, Node belowY) {
    if (ancestor == parse.module()
        || !(ancestor instanceof Stmt.If) && !(ancestor instanceof Stmt.Try)) {
      return false;
    }
    // The branch each node is in is the branch of the ancestor's child it descends from: one
    // look-up in the ancestor's table, so a try with thousands of statements stays linear.
    Map<Node, Object> branch = forks.computeIfAbsent(ancestor, ScopeBinder::branchesOf);
    return branch.get(belowX) != branch.get(belowY);
  }

  /** How far up {@link #differentForks} looks for a near common ancestor before the depths. */
  private static final int NEAR = 8;

  /** Depths of the nodes asked about and of their ancestors, filled as the questions come. */
  private final Map<Node, Integer> depths = new IdentityHashMap<>();

  /** Ancestors above {@code node} (0 for a node without a parent). */
  private int depth(Node node) {
    List<Node> path = new ArrayList<>();
    int base = -1;
    for (Node n = node; n != null; n = parents.get(n)) {
      Integer known = depths.get(n);
      if (known != null) {
        base = known;
        break;
      }
      path.add(n);
    }
    // Every node on the way up gets its depth, so no node is climbed past twice.
    for (int i = path.size() - 1; i >= 0; i--) {
      depths.put(path.get(i), ++base);
    }
    return depths.get(node);
  }

  /** Each branch's direct children of an if or a try, mapped to a token for their branch. */
  private final Map<Node, Map<Node, Object>> forks = new IdentityHashMap<>();

  private static Map<Node, Object> branchesOf(Node fork) {
    Map<Node, Object> out = new IdentityHashMap<>();
    if (fork instanceof Stmt.If i) {
      Object body = new Object();
      i.body().forEach(s -> out.put(s, body));
    } else if (fork instanceof Stmt.Try t) {
      Object body = new Object();
      t.body().forEach(s -> out.put(s, body));
      t.orelse().forEach(s -> out.put(s, body));
      t.handlers().forEach(h -> out.put(h, h));
    }
    return out;
  }

  final Binding binding(String name, BindingKind kind, Node source, TextRange range) {
    return new Binding(name, kind, source, range, range.start(), null, null, null, scope());
  }

  final void addBinding(Node node, Binding value) {
    String name = value.name();
    if (value.kind().isImport()) {
      importedOrBuiltin.add(name);
      String q = value.qualifiedName().orElse(name);
      if (!q.substring(q.lastIndexOf('.') + 1).equals(name)) {
        renamedImports.add(name);
      }
    }
    Scope found = stack.get(0);
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (stack.get(i).bindings.containsKey(name)) {
        found = stack.get(i);
        break;
      }
    }
    Binding existing = found.bindings.get(name);
    if (existing != null && existing.kind() != BindingKind.BUILTIN) {
      if (differentForks(node, existing.source())) {
        if (existing.kind().isImport()) {
          value.alternativeImport = existing;
        } else if (existing.alternativeImport != null) {
          value.alternativeImport = existing.alternativeImport;
        }
      } else {
        Node parentStmt = statementParent(value.source());
        boolean loopVar = parentStmt instanceof Stmt.For || parentStmt instanceof Stmt.AsyncFor;
        if (existing.kind().isImport() && loopVar) {
          // pyflakes: "import shadowed by loop variable", not one of ours
        } else if (found == scope()) {
          if (!existing.used
              && redefines(value, existing)
              && (!name.equals("_") || existing.kind().isImport())
              && !isTypingOverload(existing)) {
            report(
                NameIssue.Kind.REDEFINED_UNUSED,
                name,
                reportRange(node, name),
                node.range().start(),
                "redefinition of unused `"
                    + name
                    + "` from line "
                    + parse.lines().line(existing.statementStart()),
                existing);
          }
        } else if (existing.kind().isImport() && redefines(value, existing)) {
          existing.redefinedBy.add(node);
        }
      }
    }
    Binding current = scope().bindings.get(name);
    if (current != null) {
      value.used = current.used;
    }
    if (current == null || value.kind() != BindingKind.ANNOTATION) {
      int pos = stack.size() - 1;
      while (value.kind() == BindingKind.NAMED_EXPR
          && pos > 0
          && stack.get(pos).kind() == ScopeKind.COMPREHENSION) {
        pos--;
      }
      value.scope = stack.get(pos);
      stack.get(pos).bindings.put(name, value);
    }
  }

  private static boolean redefines(Binding value, Binding existing) {
    if (value.kind() == BindingKind.ANNOTATION) {
      return false;
    }
    if (value.kind() == BindingKind.SUBMODULE_IMPORT && existing.kind().isImport()) {
      return value.written().equals(existing.written());
    }
    if (value.kind().isImport() && existing.kind() == BindingKind.SUBMODULE_IMPORT) {
      return value.written().equals(existing.written());
    }
    return existing.kind().isDefinition() && value.name().equals(existing.name());
  }

  private boolean isTypingOverload(Binding b) {
    List<Expr> decorators =
        switch (b.source()) {
          case Stmt.FunctionDef f -> f.decoratorList();
          case Stmt.AsyncFunctionDef f -> f.decoratorList();
          case null, default -> List.of();
        };
    for (Expr d : decorators) {
      if (isTyping(d, "overload")) {
        return true;
      }
    }
    return false;
  }

  private Binding lookupPlain(String name) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      Binding b = stack.get(i).bindings.get(name);
      if (b != null) {
        return b;
      }
    }
    return null;
  }

  /** Whether {@code e} is {@code typing.attr} (or from typing_extensions); null attr: any. */
  final boolean isTyping(Expr e, String attr) {
    String member = typingMember(e);
    return member != null && (attr == null || member.equals(attr));
  }

  /**
   * The name of the {@code typing} (or {@code typing_extensions}) member {@code e} stands for, as
   * pyflakes recognises them, or null: one scope lookup answers every question about a call.
   */
  final String typingMember(Expr e) {
    if (e instanceof Expr.Name n) {
      Binding b = lookupPlain(n.id());
      if (b == null || b.kind() != BindingKind.FROM_IMPORT) {
        return null;
      }
      String module = b.fromModule().orElse("");
      return TYPING_MODULES.contains(module)
          ? b.written().substring(b.written().lastIndexOf('.') + 1)
          : null;
    }
    if (e instanceof Expr.Attribute a && a.value() instanceof Expr.Name n) {
      Binding b = lookupPlain(n.id());
      return b != null && b.kind().isImport() && TYPING_MODULES.contains(b.written())
          ? a.attr()
          : null;
    }
    return null;
  }

  final void report(NameIssue.Kind kind, String name, TextRange range, int anchor, String msg) {
    report(kind, name, range, anchor, msg, null);
  }

  final void report(
      NameIssue.Kind kind, String name, TextRange range, int anchor, String msg, Binding b) {
    if (reportAt != null) {
      range = reportAt;
      anchor = reportAt.start();
    }
    issues.add(new NameIssue(kind, name, range, anchor, msg, b));
  }

  /** Where to point for a binding of {@code name} made by {@code node}. */
  final TextRange reportRange(Node node, String name) {
    TextRange r = node.range();
    switch (node) {
      case Stmt.FunctionDef f -> {
        return nameAfter(r.start(), name, r);
      }
      case Stmt.AsyncFunctionDef f -> {
        return nameAfter(r.start(), name, r);
      }
      case Stmt.ClassDef c -> {
        return nameAfter(r.start(), name, r);
      }
      case Stmt.Import i -> {
        for (Alias a : i.names()) {
          String bound = a.asname() != null ? a.asname() : a.name().split("\\.")[0];
          if (bound.equals(name)) {
            return a.range();
          }
        }
        return r;
      }
      case Stmt.ImportFrom i -> {
        for (Alias a : i.names()) {
          if ((a.asname() != null ? a.asname() : a.name()).equals(name)) {
            return a.range();
          }
        }
        return r;
      }
      case ExceptHandler h -> {
        int from = h.type() != null ? h.type().range().end() : r.start();
        return nameAfter(from, name, r);
      }
      default -> {
        return r;
      }
    }
  }

  private TextRange nameAfter(int from, String name, TextRange fallback) {
    String text = parse.text();
    int limit = Math.min(fallback.end(), text.length());
    for (int i = text.indexOf(name, from); i >= 0 && i < limit; i = text.indexOf(name, i + 1)) {
      boolean startOk = i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1));
      int end = i + name.length();
      boolean endOk = end >= text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
      if (startOk && endOk) {
        return new TextRange(i, end);
      }
    }
    return new TextRange(fallback.start(), Math.min(fallback.end(), fallback.start() + 1));
  }
}
