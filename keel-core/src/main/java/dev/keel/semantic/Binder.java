package dev.keel.semantic;

import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.python.ast.Alias;
import dev.keel.python.ast.Arg;
import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.Comprehension;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.ExprContext;
import dev.keel.python.ast.Keyword;
import dev.keel.python.ast.MatchCase;
import dev.keel.python.ast.Mod;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Pattern;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.python.ast.TypeParam;
import dev.keel.python.ast.WithItem;
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
 * Binds the names of one module the way pyflakes does, so that Keel's name rules agree with it:
 * module and class bodies are walked in order, function and lambda bodies afterwards (when every
 * module-level name exists), annotations of {@code from __future__ import annotations} modules and
 * string annotations last. Lookups follow Python's rules (class scopes are invisible to nested
 * functions; a walrus in a comprehension binds in the enclosing function).
 */
final class Binder {
  private static final Set<String> TYPING_MODULES = Set.of("typing", "typing_extensions");
  private static final Set<String> ALWAYS_USED_LOCALS =
      Set.of("__tracebackhide__", "__traceback_info__", "__traceback_supplement__");
  private static final List<String> MODULE_MAGIC =
      List.of("__file__", "__builtins__", "__annotations__", "WindowsError");

  private enum AnnotationState {
    NONE,
    STRING,
    BARE
  }

  private record Deferred(Runnable action, List<Scope> stack) {}

  private final ParseResult parse;
  private final ModuleContext context;
  private final Map<Node, Node> parents;
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
  private final Map<Scope, Set<String>> functionGlobals = new IdentityHashMap<>();
  private List<Scope> stack = new ArrayList<>();
  private final List<Deferred> deferredFunctions = new ArrayList<>();
  private final List<Deferred> deferredAssignments = new ArrayList<>();
  private final Deque<List<String>> exceptHandlers = new ArrayDeque<>();
  private final List<Scope> deadScopes = new ArrayList<>();
  private AnnotationState annotationState = AnnotationState.NONE;
  private boolean inDeferred;
  private boolean annotationsFuture;
  private TextRange reportAt;
  private Scope moduleScope;
  private final Map<Node, List<Comment>> typeComments = new IdentityHashMap<>();

  Binder(ParseResult parse, ModuleContext context) {
    this.parse = parse;
    this.context = context;
    // Sized for the file up front: growing an identity map node by node costs more than the walk.
    int expected = Math.max(64, parse.text().length() / 6);
    this.parents = new IdentityHashMap<>(expected);
    this.resolved = new IdentityHashMap<>(expected / 4);
  }

  // ---------------------------------------------------------------- type comments

  private static final java.util.regex.Pattern TYPE_COMMENT =
      java.util.regex.Pattern.compile("^#\\s*type:\\s*");
  private static final java.util.regex.Pattern TYPE_IGNORE =
      java.util.regex.Pattern.compile("^#\\s*type:\\s*ignore([^A-Za-z0-9]|$)");
  private static final java.util.regex.Pattern TYPE_FUNCTION =
      java.util.regex.Pattern.compile("^(\\(.*?\\))\\s*->\\s*(.*)$");

  /** PEP 484 type comments, attached to the statement at or above their line (as pyflakes does). */
  private void collectTypeComments() {
    List<Comment> candidates = new ArrayList<>();
    String source = parse.text();
    for (Comment c : parse.comments()) {
      if (!mentionsType(source, c.start(), c.end())) {
        continue;
      }
      String text = source.substring(c.start(), c.end());
      if (TYPE_COMMENT.matcher(text).find() && !TYPE_IGNORE.matcher(text).find()) {
        candidates.add(c);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    java.util.TreeMap<Integer, Node> typeable = new java.util.TreeMap<>();
    collectTypeable(parse.module().body(), typeable);
    for (Comment c : candidates) {
      var entry = typeable.floorEntry(parse.lines().line(c.start()));
      if (entry != null) {
        typeComments.computeIfAbsent(entry.getValue(), k -> new ArrayList<>()).add(c);
      }
    }
  }

  private static boolean mentionsType(String source, int start, int end) {
    for (int i = start; i + 5 <= end; i++) {
      if (source.charAt(i) == 't' && source.startsWith("type:", i)) {
        return true;
      }
    }
    return false;
  }

  private void collectTypeable(List<? extends Node> nodes, java.util.TreeMap<Integer, Node> out) {
    for (Node n : nodes) {
      switch (n) {
        case Stmt.Assign a -> out.put(parse.lines().line(a.range().start()), a);
        case Stmt.For f -> {
          out.put(parse.lines().line(f.range().start()), f);
          collectTypeable(f.body(), out);
          collectTypeable(f.orelse(), out);
        }
        case Stmt.AsyncFor f -> {
          out.put(parse.lines().line(f.range().start()), f);
          collectTypeable(f.body(), out);
          collectTypeable(f.orelse(), out);
        }
        case Stmt.With w -> {
          out.put(parse.lines().line(w.range().start()), w);
          collectTypeable(w.body(), out);
        }
        case Stmt.AsyncWith w -> {
          out.put(parse.lines().line(w.range().start()), w);
          collectTypeable(w.body(), out);
        }
        case Stmt.FunctionDef f -> {
          out.put(parse.lines().line(f.range().start()), f);
          collectTypeable(f.body(), out);
        }
        case Stmt.AsyncFunctionDef f -> {
          out.put(parse.lines().line(f.range().start()), f);
          collectTypeable(f.body(), out);
        }
        case Stmt.ClassDef c -> collectTypeable(c.body(), out);
        case Stmt.While w -> {
          collectTypeable(w.body(), out);
          collectTypeable(w.orelse(), out);
        }
        case Stmt.If i -> {
          collectTypeable(i.body(), out);
          collectTypeable(i.orelse(), out);
        }
        case Stmt.Try t -> {
          collectTypeable(t.body(), out);
          collectTypeable(t.handlers(), out);
          collectTypeable(t.orelse(), out);
          collectTypeable(t.finalbody(), out);
        }
        case Stmt.TryStar t -> {
          collectTypeable(t.body(), out);
          collectTypeable(t.handlers(), out);
          collectTypeable(t.orelse(), out);
          collectTypeable(t.finalbody(), out);
        }
        case ExceptHandler h -> collectTypeable(h.body(), out);
        case Stmt.Match m -> {
          for (MatchCase c : m.cases()) {
            collectTypeable(c.body(), out);
          }
        }
        default -> {}
      }
    }
  }

  private void handleTypeComments(Node node) {
    List<Comment> comments = typeComments.get(node);
    if (comments == null) {
      return;
    }
    for (Comment c : comments) {
      String text = parse.text().substring(c.start(), c.end());
      String body = text.substring(text.indexOf(':') + 1).strip();
      java.util.regex.Matcher m = TYPE_FUNCTION.matcher(body);
      List<String> parts =
          m.matches() ? List.of(m.group(1).replace("*", ""), m.group(2).strip()) : List.of(body);
      TextRange where = new TextRange(c.start(), c.end());
      for (String part : parts) {
        defer(() -> stringAnnotation(part, node, where));
      }
    }
  }

  Scope run() {
    Mod.Module module = parse.module();
    moduleScope = push(ScopeKind.MODULE, module);
    exceptHandlers.push(List.of());
    collectTypeComments();
    Set<String> builtins = new HashSet<>(PythonTables.get().builtins(context.version()));
    builtins.addAll(MODULE_MAGIC);
    for (String b : builtins) {
      Binding binding =
          new Binding(
              b,
              BindingKind.BUILTIN,
              null,
              new TextRange(0, 0),
              0,
              b,
              "builtins." + b,
              null,
              moduleScope);
      moduleScope.bindings.put(b, binding);
    }
    importedOrBuiltin.addAll(builtins);
    for (Stmt s : module.body()) {
      handle(s, module);
    }
    inDeferred = true;
    for (int i = 0; i < deferredFunctions.size(); i++) {
      Deferred d = deferredFunctions.get(i);
      stack = new ArrayList<>(d.stack());
      d.action().run();
    }
    for (int i = 0; i < deferredAssignments.size(); i++) {
      Deferred d = deferredAssignments.get(i);
      stack = new ArrayList<>(d.stack());
      d.action().run();
    }
    while (stack.size() > 1) {
      stack.remove(stack.size() - 1);
    }
    pop();
    checkDeadScopes();
    return moduleScope;
  }

  // ---------------------------------------------------------------- scopes

  private Scope push(ScopeKind kind, Node node) {
    Scope s = new Scope(kind, node, stack.isEmpty() ? null : scope());
    stack.add(s);
    scopes.add(s);
    if (s.isFunctionLike()) {
      functionGlobals.put(s, new HashSet<>(ALWAYS_USED_LOCALS));
    }
    return s;
  }

  private void pop() {
    deadScopes.add(stack.remove(stack.size() - 1));
  }

  private Scope scope() {
    return stack.get(stack.size() - 1);
  }

  private void defer(Runnable r) {
    deferredFunctions.add(new Deferred(r, new ArrayList<>(stack)));
  }

  // ---------------------------------------------------------------- tree helpers

  /**
   * Whether the walk handled {@code n} (every node of the module's tree except unreachable ones).
   */
  boolean saw(Node n) {
    return parents.containsKey(n);
  }

  private void setParent(Node child, Node parent) {
    if (child != null) {
      parents.put(child, parent);
    }
  }

  /** The nearest ancestor that is not a tuple, list, set, starred, name, attribute or subscript. */
  private Node statementParent(Node node) {
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
    // Up from the deeper node to the other's depth, then both together to their common ancestor:
    // steps only up to that ancestor, so a chain of thousands of elifs, each binding the same
    // name as the one before, stays linear.
    int da = depth(a);
    int db = depth(b);
    Node x = a;
    Node y = b;
    Node belowX = null;
    Node belowY = null;
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
    if (ancestor == null || ancestor == parse.module() || ancestor == a || ancestor == b) {
      return false;
    }
    if (!(ancestor instanceof Stmt.If) && !(ancestor instanceof Stmt.Try)) {
      return false;
    }
    // The branch each node is in is the branch of the ancestor's child it descends from: one
    // look-up in the ancestor's table, so a try with thousands of statements stays linear.
    Map<Node, Object> branch = forks.computeIfAbsent(ancestor, Binder::branchesOf);
    return branch.get(belowX) != branch.get(belowY);
  }

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

  // ---------------------------------------------------------------- bindings

  private Binding binding(String name, BindingKind kind, Node source, TextRange range) {
    return new Binding(name, kind, source, range, range.start(), null, null, null, scope());
  }

  private void addBinding(Node node, Binding value) {
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
  private boolean isTyping(Expr e, String attr) {
    String member = typingMember(e);
    return member != null && (attr == null || member.equals(attr));
  }

  /**
   * The name of the {@code typing} (or {@code typing_extensions}) member {@code e} stands for, as
   * pyflakes recognises them, or null: one scope lookup answers every question about a call.
   */
  private String typingMember(Expr e) {
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

  // ---------------------------------------------------------------- reports

  private void report(NameIssue.Kind kind, String name, TextRange range, int anchor, String msg) {
    report(kind, name, range, anchor, msg, null);
  }

  private void report(
      NameIssue.Kind kind, String name, TextRange range, int anchor, String msg, Binding b) {
    if (reportAt != null) {
      range = reportAt;
      anchor = reportAt.start();
    }
    issues.add(new NameIssue(kind, name, range, anchor, msg, b));
  }

  /** Where to point for a binding of {@code name} made by {@code node}. */
  private TextRange reportRange(Node node, String name) {
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

  // ---------------------------------------------------------------- names

  private boolean inPostponedAnnotation() {
    return annotationState == AnnotationState.STRING || annotationsFuture;
  }

  private void load(Expr.Name node) {
    String name = node.id();
    Boolean inGenerators = null;
    boolean importStarred = false;
    for (int i = stack.size() - 1; i >= 0; i--) {
      Scope s = stack.get(i);
      if (s.kind() == ScopeKind.CLASS) {
        if (name.equals("__class__")) {
          return;
        } else if (Boolean.FALSE.equals(inGenerators)) {
          continue;
        }
      }
      Binding b = s.bindings.get(name);
      if (b != null && b.kind() == BindingKind.ANNOTATION && !inPostponedAnnotation()) {
        continue;
      }
      if (b != null) {
        b.used = true;
        resolved.put(node, b);
        if (b.kind().isImport() && b.hasAlias()) {
          Binding full = s.bindings.get(b.written());
          if (full != null) {
            full.used = true;
          }
        }
        return;
      }
      importStarred |= s.importStarred;
      if (!Boolean.FALSE.equals(inGenerators)) {
        inGenerators = s.kind() == ScopeKind.COMPREHENSION;
      }
    }
    if (importStarred) {
      for (Scope s : stack) {
        for (Binding b : s.bindings.values()) {
          if (b.kind() == BindingKind.STAR_IMPORT) {
            b.used = true;
          }
        }
      }
      return;
    }
    if (name.equals("__path__") && context.isPackageInit()) {
      return;
    }
    if (scope().kind() == ScopeKind.CLASS && classMagic(name)) {
      return;
    }
    if (exceptHandlers.peek().contains("NameError")) {
      return;
    }
    report(
        NameIssue.Kind.UNDEFINED_NAME,
        name,
        node.range(),
        node.range().start(),
        "undefined name `" + name + "`");
  }

  private boolean classMagic(String name) {
    return name.equals("__module__")
        || name.equals("__qualname__")
        || (name.equals("__firstlineno__")
            && context.version().compareTo(new PythonVersion(3, 13)) >= 0);
  }

  /** A store of {@code name} by {@code node} (a Name, an except handler or a match pattern). */
  private void store(Node node, String name) {
    Node parentStmt = statementParent(node);
    Node direct = parents.get(node);
    BindingKind kind;
    if (parentStmt instanceof Stmt.AnnAssign a && a.value() == null) {
      kind = BindingKind.ANNOTATION;
    } else if (parentStmt instanceof Stmt.For
        || parentStmt instanceof Stmt.AsyncFor
        || parentStmt instanceof Comprehension
        || (parentStmt != direct && !isLiteralTupleUnpacking(parentStmt))) {
      kind = BindingKind.UNPACKING;
    } else if (name.equals("__all__")
        && scope().kind() == ScopeKind.MODULE
        && (direct instanceof Stmt.Assign
            || direct instanceof Stmt.AugAssign
            || direct instanceof Stmt.AnnAssign)) {
      Binding export = binding(name, BindingKind.EXPORT, direct, node.range());
      Binding old = scope().bindings.get("__all__");
      if (old != null && old.kind() == BindingKind.EXPORT && direct instanceof Stmt.AugAssign) {
        export.exportNames = old.exportNames;
      }
      Expr value =
          switch (direct) {
            case Stmt.Assign a -> a.value();
            case Stmt.AugAssign a -> a.value();
            case Stmt.AnnAssign a -> a.value();
            default -> null;
          };
      collectExportNames(value, export.exportNames);
      addBinding(node, export);
      return;
    } else if (parentStmt instanceof Expr.NamedExpr) {
      kind = BindingKind.NAMED_EXPR;
    } else {
      kind = BindingKind.ASSIGNMENT;
    }
    addBinding(node, binding(name, kind, node, reportRange(node, name)));
  }

  private static void collectExportNames(Expr value, List<String> out) {
    if (value instanceof Expr.ListExpr || value instanceof Expr.Tuple) {
      addStrings(value, out);
    } else if (value instanceof Expr.BinOp op) {
      Expr current = op;
      while (current instanceof Expr.BinOp b
          && (b.right() instanceof Expr.ListExpr || b.right() instanceof Expr.Tuple)) {
        addStrings(b.right(), out);
        if (b.left() instanceof Expr.BinOp) {
          current = b.left();
        } else {
          if (b.left() instanceof Expr.ListExpr || b.left() instanceof Expr.Tuple) {
            addStrings(b.left(), out);
          }
          break;
        }
      }
    }
  }

  private static void addStrings(Expr container, List<String> out) {
    List<Expr> elts =
        container instanceof Expr.ListExpr l ? l.elts() : ((Expr.Tuple) container).elts();
    for (Expr e : elts) {
      if (e instanceof Expr.Constant c && c.value() instanceof ConstantValue.Str s) {
        out.add(s.value());
      }
    }
  }

  private static boolean isLiteralTupleUnpacking(Node node) {
    if (node instanceof Stmt.Assign a) {
      for (Expr t : a.targets()) {
        if (!hasElts(t)) {
          return false;
        }
      }
      return hasElts(a.value());
    }
    return false;
  }

  private static boolean hasElts(Expr e) {
    return e instanceof Expr.Tuple || e instanceof Expr.ListExpr || e instanceof Expr.SetExpr;
  }

  private void delete(Expr.Name node) {
    for (Node p = parents.get(node); p != null; p = parents.get(p)) {
      if (p instanceof Stmt.If || p instanceof Stmt.While || p instanceof Expr.IfExp) {
        return;
      }
    }
    String name = node.id();
    Set<String> globals = functionGlobals.get(scope());
    if (globals != null && globals.contains(name)) {
      globals.remove(name);
    } else if (scope().bindings.remove(name) == null) {
      report(
          NameIssue.Kind.UNDEFINED_NAME,
          name,
          node.range(),
          node.range().start(),
          "undefined name `" + name + "`");
    }
  }

  // ---------------------------------------------------------------- the walk

  private void handleAll(List<? extends Node> nodes, Node parent) {
    for (Node n : nodes) {
      handle(n, parent);
    }
  }

  private void handle(Node n, Node parent) {
    if (n == null) {
      return;
    }
    parents.put(n, parent);
    switch (n) {
      case Stmt s -> statement(s);
      case Expr e -> expression(e);
      case Pattern p -> pattern(p);
      case ExceptHandler h -> exceptHandler(h);
      case Comprehension c -> {
        handle(c.iter(), c);
        handle(c.target(), c);
        handleAll(c.ifs(), c);
      }
      case Keyword k -> handle(k.value(), k);
      case WithItem w -> {
        handle(w.contextExpr(), w);
        handle(w.optionalVars(), w);
      }
      case MatchCase m -> {
        handle(m.pattern(), m);
        handle(m.guard(), m);
        handleAll(m.body(), m);
      }
      case Arguments a -> {}
      case Arg a -> {}
      case Alias a -> {}
      case TypeParam t -> {}
      case Mod m -> {}
    }
  }

  private void statement(Stmt s) {
    if (Thread.currentThread().isInterrupted()) {
      // The file ran past its deadline and was abandoned: stop here rather than finish unseen.
      throw new java.util.concurrent.CancellationException("binding abandoned");
    }
    switch (s) {
      case Stmt.FunctionDef f ->
          function(f, f.name(), f.args(), f.decoratorList(), f.returns(), f.typeParams(), f.body());
      case Stmt.AsyncFunctionDef f ->
          function(f, f.name(), f.args(), f.decoratorList(), f.returns(), f.typeParams(), f.body());
      case Stmt.ClassDef c -> classDef(c);
      case Stmt.Return r -> {
        if (!inFunction()) {
          return;
        }
        handle(r.value(), r);
      }
      case Stmt.Delete d -> handleAll(d.targets(), d);
      case Stmt.Assign a -> {
        handleTypeComments(a);
        handle(a.value(), a);
        handleAll(a.targets(), a);
      }
      case Stmt.TypeAlias t -> typeAlias(t);
      case Stmt.AugAssign a -> {
        if (a.target() instanceof Expr.Name n) {
          load(n);
        }
        handle(a.value(), a);
        handle(a.target(), a);
      }
      case Stmt.AnnAssign a -> {
        handle(a.target(), a);
        annotation(a.annotation(), a);
        if (a.value() != null) {
          if (isTyping(a.annotation(), "TypeAlias")) {
            annotation(a.value(), a);
          } else {
            handle(a.value(), a);
          }
        }
      }
      case Stmt.For f -> {
        handleTypeComments(f);
        handle(f.iter(), f);
        handle(f.target(), f);
        handleAll(f.body(), f);
        handleAll(f.orelse(), f);
      }
      case Stmt.AsyncFor f -> {
        handleTypeComments(f);
        handle(f.iter(), f);
        handle(f.target(), f);
        handleAll(f.body(), f);
        handleAll(f.orelse(), f);
      }
      case Stmt.While w -> {
        handle(w.test(), w);
        handleAll(w.body(), w);
        handleAll(w.orelse(), w);
      }
      case Stmt.If i -> {
        handle(i.test(), i);
        handleAll(i.body(), i);
        handleAll(i.orelse(), i);
      }
      case Stmt.With w -> {
        handleTypeComments(w);
        handleAll(w.items(), w);
        handleAll(w.body(), w);
      }
      case Stmt.AsyncWith w -> {
        handleTypeComments(w);
        handleAll(w.items(), w);
        handleAll(w.body(), w);
      }
      case Stmt.Match m -> {
        handle(m.subject(), m);
        handleAll(m.cases(), m);
      }
      case Stmt.Raise r -> {
        handle(r.exc(), r);
        handle(r.cause(), r);
      }
      case Stmt.Try t -> tryStatement(t, t.body(), t.handlers(), t.orelse(), t.finalbody());
      case Stmt.TryStar t -> tryStatement(t, t.body(), t.handlers(), t.orelse(), t.finalbody());
      case Stmt.Assert a -> {
        handle(a.test(), a);
        handle(a.msg(), a);
      }
      case Stmt.Import i -> importStatement(i);
      case Stmt.ImportFrom i -> importFrom(i);
      case Stmt.Global g -> declare(g, g.names());
      case Stmt.Nonlocal nl -> declare(nl, nl.names());
      case Stmt.ExprStmt e -> handle(e.value(), e);
      case Stmt.Pass p -> {}
      case Stmt.Break b -> {}
      case Stmt.Continue c -> {}
    }
  }

  private boolean inFunction() {
    ScopeKind k = scope().kind();
    return k != ScopeKind.MODULE && k != ScopeKind.CLASS;
  }

  private void expression(Expr e) {
    switch (e) {
      case Expr.BoolOp b -> handleAll(b.values(), b);
      case Expr.NamedExpr ne -> {
        handle(ne.value(), ne);
        handle(ne.target(), ne);
      }
      case Expr.BinOp b -> {
        handle(b.left(), b);
        handle(b.right(), b);
      }
      case Expr.UnaryOp u -> handle(u.operand(), u);
      case Expr.Lambda l -> lambda(l);
      case Expr.IfExp i -> {
        handle(i.test(), i);
        handle(i.body(), i);
        handle(i.orelse(), i);
      }
      case Expr.Dict d -> {
        for (Expr k : d.keys()) {
          handle(k, d);
        }
        handleAll(d.values(), d);
      }
      case Expr.SetExpr s -> handleAll(s.elts(), s);
      case Expr.ListComp c -> comprehension(c, c.generators(), c.elt(), null);
      case Expr.SetComp c -> comprehension(c, c.generators(), c.elt(), null);
      case Expr.GeneratorExp c -> comprehension(c, c.generators(), c.elt(), null);
      case Expr.DictComp c -> comprehension(c, c.generators(), c.key(), c.value());
      case Expr.Await a -> {
        if (inFunction()) {
          handle(a.value(), a);
        }
      }
      case Expr.Yield y -> {
        if (inFunction()) {
          handle(y.value(), y);
        }
      }
      case Expr.YieldFrom y -> {
        if (inFunction()) {
          handle(y.value(), y);
        }
      }
      case Expr.Compare c -> {
        handle(c.left(), c);
        handleAll(c.comparators(), c);
      }
      case Expr.Call c -> call(c);
      case Expr.FormattedValue f -> {
        handle(f.value(), f);
        handle(f.formatSpec(), f);
      }
      case Expr.Interpolation f -> {
        handle(f.value(), f);
        handle(f.formatSpec(), f);
      }
      case Expr.JoinedStr j -> handleAll(j.values(), j);
      case Expr.TemplateStr t -> handleAll(t.values(), t);
      case Expr.Constant c -> {
        if (annotationState != AnnotationState.NONE && c.value() instanceof ConstantValue.Str s) {
          Node owner = c;
          if (inDeferred) {
            stringAnnotation(s.value(), owner, c.range());
          } else {
            defer(() -> stringAnnotation(s.value(), owner, c.range()));
          }
        }
      }
      case Expr.Attribute a -> handle(a.value(), a);
      case Expr.Subscript s -> subscript(s);
      case Expr.Starred s -> handle(s.value(), s);
      case Expr.Name n -> {
        if (n.ctx() == ExprContext.Load) {
          load(n);
          if (n.id().equals("locals")
              && scope().isFunctionLike()
              && parents.get(n) instanceof Expr.Call) {
            scope().usesLocals = true;
          }
        } else if (n.ctx() == ExprContext.Del) {
          delete(n);
        } else {
          store(n, n.id());
        }
      }
      case Expr.ListExpr l -> handleAll(l.elts(), l);
      case Expr.Tuple t -> handleAll(t.elts(), t);
      case Expr.Slice s -> {
        handle(s.lower(), s);
        handle(s.upper(), s);
        handle(s.step(), s);
      }
    }
  }

  private void pattern(Pattern p) {
    switch (p) {
      case Pattern.MatchValue v -> handle(v.value(), v);
      case Pattern.MatchSingleton s -> {}
      case Pattern.MatchSequence s -> handleAll(s.patterns(), s);
      case Pattern.MatchMapping m -> {
        if (m.rest() != null) {
          store(m, m.rest());
        }
        handleAll(m.keys(), m);
        handleAll(m.patterns(), m);
      }
      case Pattern.MatchClass c -> {
        handle(c.cls(), c);
        handleAll(c.patterns(), c);
        handleAll(c.kwdPatterns(), c);
      }
      case Pattern.MatchStar s -> {
        if (s.name() != null) {
          store(s, s.name());
        }
      }
      case Pattern.MatchAs a -> {
        if (a.name() != null) {
          store(a, a.name());
        }
        handle(a.pattern(), a);
      }
      case Pattern.MatchOr o -> handleAll(o.patterns(), o);
    }
  }

  private void comprehension(Expr node, List<Comprehension> generators, Expr a, Expr b) {
    push(ScopeKind.COMPREHENSION, node);
    handleAll(generators, node);
    handle(a, node);
    handle(b, node);
    pop();
  }

  private void subscript(Expr.Subscript s) {
    if (isNameOrAttr(s.value(), "Literal")) {
      AnnotationState saved = annotationState;
      annotationState = AnnotationState.NONE;
      handle(s.value(), s);
      handle(s.slice(), s);
      annotationState = saved;
    } else if (isNameOrAttr(s.value(), "Annotated")) {
      handle(s.value(), s);
      if (s.slice() instanceof Expr.Tuple t && t.elts().size() >= 2) {
        handle(t.elts().get(0), s);
        AnnotationState saved = annotationState;
        annotationState = AnnotationState.NONE;
        for (Expr rest : t.elts().subList(1, t.elts().size())) {
          handle(rest, s);
        }
        annotationState = saved;
      } else {
        handle(s.slice(), s);
      }
    } else if (typingMember(s.value()) != null) {
      AnnotationState saved = annotationState;
      annotationState = AnnotationState.BARE;
      handle(s.value(), s);
      handle(s.slice(), s);
      annotationState = saved;
    } else {
      handle(s.value(), s);
      handle(s.slice(), s);
    }
  }

  private static boolean isNameOrAttr(Expr e, String name) {
    return (e instanceof Expr.Name n && n.id().equals(name))
        || (e instanceof Expr.Attribute a && a.attr().equals(name));
  }

  private void call(Expr.Call c) {
    exportExtension(c);
    List<Node> annotated = new ArrayList<>();
    boolean special = true;
    List<Runnable> plain = new ArrayList<>();
    String member = typingMember(c.func());
    if ("cast".equals(member) && !c.args().isEmpty()) {
      AnnotationState saved = annotationState;
      annotationState = AnnotationState.BARE;
      handle(c.args().get(0), c);
      annotationState = saved;
      special = false;
    } else if ("TypeVar".equals(member)) {
      annotated.addAll(c.args().subList(Math.min(1, c.args().size()), c.args().size()));
      for (Keyword k : c.keywords()) {
        if ("bound".equals(k.arg())) {
          annotated.add(k.value());
        } else {
          plain.add(() -> handle(k.value(), k));
        }
      }
      plain.add(() -> handle(c.func(), c));
    } else if ("TypedDict".equals(member)) {
      boolean dictForm = c.args().size() > 1 && c.args().get(1) instanceof Expr.Dict;
      if (dictForm) {
        Expr.Dict d = (Expr.Dict) c.args().get(1);
        annotated.addAll(d.values());
        for (Expr k : d.keys()) {
          plain.add(() -> handle(k, d));
        }
      }
      for (Keyword k : c.keywords()) {
        annotated.add(k.value());
      }
      plain.add(() -> handle(c.func(), c));
      if (!dictForm) {
        plain.add(() -> handleAll(c.args(), c));
      }
    } else if ("NamedTuple".equals(member)) {
      boolean listForm =
          c.args().size() > 1
              && elts(c.args().get(1)) != null
              && elts(c.args().get(1)).stream()
                  .allMatch(x -> elts(x) != null && elts(x).size() == 2);
      if (listForm) {
        for (Expr field : elts(c.args().get(1))) {
          annotated.add(elts(field).get(1));
        }
      }
      for (Keyword k : c.keywords()) {
        annotated.add(k.value());
      }
      plain.add(() -> handle(c.func(), c));
      if (!listForm) {
        plain.add(() -> handleAll(c.args(), c));
      }
    } else {
      special = false;
    }
    if (special) {
      AnnotationState saved = annotationState;
      annotationState = AnnotationState.NONE;
      plain.forEach(Runnable::run);
      annotationState = AnnotationState.BARE;
      for (Node n : annotated) {
        handle(n, c);
      }
      annotationState = saved;
      return;
    }
    handle(c.func(), c);
    handleAll(c.args(), c);
    handleAll(c.keywords(), c);
  }

  private static List<Expr> elts(Expr e) {
    return switch (e) {
      case Expr.Tuple t -> t.elts();
      case Expr.ListExpr l -> l.elts();
      default -> null;
    };
  }

  /** {@code __all__.extend([...])} and {@code __all__.append("x")} at module level. */
  private void exportExtension(Expr.Call c) {
    if (scope().kind() != ScopeKind.MODULE
        || !(c.func() instanceof Expr.Attribute a)
        || !(a.value() instanceof Expr.Name n)
        || !n.id().equals("__all__")
        || c.args().size() != 1) {
      return;
    }
    Binding all = scope().bindings.get("__all__");
    if (all == null || all.kind() != BindingKind.EXPORT) {
      return;
    }
    Expr arg = c.args().get(0);
    if (a.attr().equals("extend") && (arg instanceof Expr.ListExpr || arg instanceof Expr.Tuple)) {
      addStrings(arg, all.exportNames);
    } else if (a.attr().equals("append")
        && arg instanceof Expr.Constant k
        && k.value() instanceof ConstantValue.Str s) {
      all.exportNames.add(s.value());
    }
  }

  // ---------------------------------------------------------------- annotations

  private void annotation(Expr annotation, Node owner) {
    if (annotation == null) {
      return;
    }
    AnnotationState saved = annotationState;
    annotationState = AnnotationState.BARE;
    if (annotation instanceof Expr.Constant c && c.value() instanceof ConstantValue.Str s) {
      setParent(annotation, owner);
      defer(() -> stringAnnotation(s.value(), owner, c.range()));
    } else if (annotationsFuture) {
      defer(
          () -> {
            AnnotationState inner = annotationState;
            annotationState = AnnotationState.BARE;
            handle(annotation, owner);
            annotationState = inner;
          });
    } else {
      handle(annotation, owner);
    }
    annotationState = saved;
  }

  private void stringAnnotation(String source, Node owner, TextRange where) {
    ParseResult parsed = PythonParser.parse(source);
    if (!parsed.ok()
        || parsed.module().body().size() != 1
        || !(parsed.module().body().get(0) instanceof Stmt.ExprStmt stmt)) {
      return;
    }
    AnnotationState saved = annotationState;
    TextRange savedAt = reportAt;
    annotationState = AnnotationState.STRING;
    if (reportAt == null) {
      reportAt = where;
    }
    handle(stmt.value(), owner);
    annotationState = saved;
    reportAt = savedAt;
  }

  // ---------------------------------------------------------------- definitions

  private void function(
      Stmt def,
      String name,
      Arguments args,
      List<Expr> decorators,
      Expr returns,
      List<TypeParam> typeParams,
      List<Stmt> body) {
    handleAll(decorators, def);
    boolean generic = !typeParams.isEmpty();
    if (generic) {
      typeParams(def, typeParams);
    }
    for (Arg a : allArgs(args)) {
      annotation(a.annotation(), def);
    }
    annotation(returns, def);
    defaults(args, def);
    deferBody(def, ScopeKind.FUNCTION, args, () -> handleAll(body, def));
    if (generic) {
      pop();
    }
    addBinding(def, binding(name, BindingKind.FUNCTION, def, reportRange(def, name)));
  }

  private void typeParams(Node owner, List<TypeParam> params) {
    push(ScopeKind.TYPE_PARAMS, owner);
    for (TypeParam t : params) {
      setParent(t, owner);
      String name =
          switch (t) {
            case TypeParam.TypeVar v -> v.name();
            case TypeParam.ParamSpec v -> v.name();
            case TypeParam.TypeVarTuple v -> v.name();
          };
      addBinding(t, binding(name, BindingKind.TYPE_PARAM, t, t.range()));
    }
    for (TypeParam t : params) {
      Expr bound = t instanceof TypeParam.TypeVar v ? v.bound() : null;
      Expr dflt =
          switch (t) {
            case TypeParam.TypeVar v -> v.defaultValue();
            case TypeParam.ParamSpec v -> v.defaultValue();
            case TypeParam.TypeVarTuple v -> v.defaultValue();
          };
      if (bound != null || dflt != null) {
        List<Scope> snapshot = new ArrayList<>(stack);
        deferredFunctions.add(
            new Deferred(
                () -> {
                  annotation(bound, t);
                  annotation(dflt, t);
                },
                snapshot));
      }
    }
  }

  private void defaults(Arguments args, Node owner) {
    setParent(args, owner);
    handleAll(args.defaults(), owner);
    for (Expr d : args.kwDefaults()) {
      handle(d, owner);
    }
  }

  private static List<Arg> allArgs(Arguments args) {
    List<Arg> all = new ArrayList<>(args.posonlyargs());
    all.addAll(args.args());
    if (args.vararg() != null) {
      all.add(args.vararg());
    }
    all.addAll(args.kwonlyargs());
    if (args.kwarg() != null) {
      all.add(args.kwarg());
    }
    return all;
  }

  private static List<Arg> argsInPyflakesOrder(Arguments args) {
    List<Arg> all = new ArrayList<>(args.posonlyargs());
    all.addAll(args.args());
    if (args.vararg() != null) {
      all.add(args.vararg());
    }
    all.addAll(args.kwonlyargs());
    if (args.kwarg() != null) {
      all.add(args.kwarg());
    }
    return all;
  }

  private void deferBody(Node def, ScopeKind kind, Arguments args, Runnable body) {
    defer(
        () -> {
          Scope s = push(kind, def);
          handleTypeComments(def);
          parents.put(args, def);
          for (Arg a : argsInPyflakesOrder(args)) {
            parents.put(a, args);
            addBinding(
                a,
                new Binding(
                    a.arg(),
                    BindingKind.ARGUMENT,
                    def,
                    a.range(),
                    a.range().start(),
                    null,
                    null,
                    null,
                    s));
          }
          body.run();
          List<Scope> snapshot = new ArrayList<>(stack);
          deferredAssignments.add(new Deferred(() -> checkUnusedAssignments(s), snapshot));
          pop();
        });
  }

  private void lambda(Expr.Lambda l) {
    defaults(l.args(), l);
    deferBody(l, ScopeKind.LAMBDA, l.args(), () -> handle(l.body(), l));
  }

  private void checkUnusedAssignments(Scope s) {
    Set<String> globals = functionGlobals.get(s);
    if (s.usesLocals) {
      return;
    }
    for (Binding b : s.bindings.values()) {
      if (!b.used
          && !b.name().equals("_")
          && !globals.contains(b.name())
          && b.kind().isAssignment()) {
        report(
            NameIssue.Kind.UNUSED_VARIABLE,
            b.name(),
            b.range(),
            b.source().range().start(),
            "local variable `" + b.name() + "` is assigned to but never used",
            b);
      }
    }
  }

  private void classDef(Stmt.ClassDef c) {
    handleAll(c.decoratorList(), c);
    boolean generic = !c.typeParams().isEmpty();
    if (generic) {
      typeParams(c, c.typeParams());
    }
    handleAll(c.bases(), c);
    handleAll(c.keywords(), c);
    push(ScopeKind.CLASS, c);
    handleAll(c.body(), c);
    pop();
    if (generic) {
      pop();
    }
    addBinding(c, binding(c.name(), BindingKind.CLASS, c, reportRange(c, c.name())));
  }

  private void typeAlias(Stmt.TypeAlias t) {
    if (t.name() instanceof Expr.Name n) {
      parents.put(n, t);
      addBinding(n, binding(n.id(), BindingKind.TYPE_ALIAS, n, n.range()));
    }
    boolean generic = !t.typeParams().isEmpty();
    if (generic) {
      typeParams(t, t.typeParams());
    }
    List<Scope> snapshot = new ArrayList<>(stack);
    deferredFunctions.add(new Deferred(() -> annotation(t.value(), t), snapshot));
    if (generic) {
      pop();
    }
  }

  // ---------------------------------------------------------------- statements with names

  private void tryStatement(
      Stmt t, List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> fin) {
    List<String> names = new ArrayList<>();
    for (ExceptHandler h : handlers) {
      if (h.type() instanceof Expr.Tuple tuple) {
        for (Expr e : tuple.elts()) {
          names.add(e instanceof Expr.Name n ? n.id() : null);
        }
      } else if (h.type() != null) {
        names.add(h.type() instanceof Expr.Name n ? n.id() : null);
      }
    }
    exceptHandlers.push(names);
    handleAll(body, t);
    exceptHandlers.pop();
    handleAll(handlers, t);
    handleAll(orelse, t);
    handleAll(fin, t);
  }

  private void exceptHandler(ExceptHandler h) {
    String name = h.name();
    if (name == null) {
      handle(h.type(), h);
      handleAll(h.body(), h);
      return;
    }
    if (scope().bindings.containsKey(name)) {
      store(h, name);
    }
    Binding previous = scope().bindings.remove(name);
    store(h, name);
    handle(h.type(), h);
    handleAll(h.body(), h);
    Binding b = scope().bindings.remove(name);
    if (b != null && !b.used) {
      report(
          NameIssue.Kind.UNUSED_VARIABLE,
          name,
          reportRange(h, name),
          h.range().start(),
          "local variable `" + name + "` is assigned to but never used",
          b);
    }
    if (previous != null) {
      scope().bindings.put(name, previous);
    }
  }

  private void importStatement(Stmt.Import i) {
    for (Alias a : i.names()) {
      setParent(a, i);
      Binding b;
      if (a.name().contains(".") && a.asname() == null) {
        String top = a.name().substring(0, a.name().indexOf('.'));
        b =
            new Binding(
                top,
                BindingKind.SUBMODULE_IMPORT,
                i,
                a.range(),
                i.range().start(),
                a.name(),
                top,
                null,
                scope());
      } else {
        String name = a.asname() != null ? a.asname() : a.name();
        b =
            new Binding(
                name,
                BindingKind.IMPORT,
                i,
                a.range(),
                i.range().start(),
                a.name(),
                a.name(),
                null,
                scope());
        b.explicitReExport = a.name().equals(a.asname());
      }
      addBinding(i, b);
    }
  }

  private void importFrom(Stmt.ImportFrom i) {
    String module = ".".repeat(i.level()) + (i.module() == null ? "" : i.module());
    String absolute = context.absoluteModule(i.level(), i.module());
    for (Alias a : i.names()) {
      setParent(a, i);
      String name = a.asname() != null ? a.asname() : a.name();
      Binding b;
      if (i.level() == 0 && "__future__".equals(i.module())) {
        b =
            new Binding(
                name,
                BindingKind.FUTURE_IMPORT,
                i,
                a.range(),
                i.range().start(),
                "__future__." + a.name(),
                "__future__." + a.name(),
                "__future__",
                scope());
        b.used = true;
        if (a.name().equals("annotations") && scope().kind() == ScopeKind.MODULE) {
          annotationsFuture = true;
        }
      } else if (a.name().equals("*")) {
        if (scope().kind() != ScopeKind.MODULE) {
          continue;
        }
        scope().importStarred = true;
        b =
            new Binding(
                module + ".*",
                BindingKind.STAR_IMPORT,
                i,
                a.range(),
                i.range().start(),
                module,
                absolute,
                module,
                scope());
      } else {
        String written = module.endsWith(".") ? module + a.name() : module + "." + a.name();
        String qualified = absolute.isEmpty() ? a.name() : absolute + "." + a.name();
        b =
            new Binding(
                name,
                BindingKind.FROM_IMPORT,
                i,
                a.range(),
                i.range().start(),
                written,
                qualified,
                module,
                scope());
        b.explicitReExport = a.name().equals(a.asname());
      }
      addBinding(i, b);
    }
  }

  private void declare(Stmt s, List<String> names) {
    Scope global = stack.get(0);
    if (scope() == global) {
      return;
    }
    for (String name : names) {
      Binding value =
          new Binding(
              name,
              BindingKind.DECLARATION,
              s,
              s.range(),
              s.range().start(),
              null,
              null,
              null,
              global);
      value.used = true;
      issues.removeIf(i -> i.kind() == NameIssue.Kind.UNDEFINED_NAME && i.name().equals(name));
      global.bindings.putIfAbsent(name, value);
      for (int k = 1; k < stack.size(); k++) {
        stack.get(k).bindings.put(name, value);
      }
    }
  }

  // ---------------------------------------------------------------- the end

  private void checkDeadScopes() {
    for (Scope s : deadScopes) {
      if (s.kind() == ScopeKind.CLASS) {
        continue;
      }
      Binding all = s.bindings.get("__all__");
      if (all != null && all.kind() != BindingKind.EXPORT) {
        all = null;
      }
      Set<String> allNames = all == null ? Set.of() : new HashSet<>(all.exportNames);
      if (all != null) {
        List<String> undefined = new ArrayList<>();
        for (String n : all.exportNames) {
          if (!s.bindings.containsKey(n)) {
            undefined.add(n);
          }
        }
        if (!undefined.isEmpty()) {
          if (!s.importStarred && !context.isPackageInit()) {
            for (String n : undefined) {
              report(
                  NameIssue.Kind.UNDEFINED_NAME,
                  n,
                  all.source().range(),
                  all.source().range().start(),
                  "undefined name `" + n + "` in `__all__`");
            }
          }
          if (s.importStarred) {
            for (Binding b : s.bindings.values()) {
              if (b.kind() == BindingKind.STAR_IMPORT) {
                b.used = true;
              }
            }
          }
        }
      }
      for (Binding b : s.bindings.values()) {
        if (!b.kind().isImport()) {
          continue;
        }
        boolean used = b.used || allNames.contains(b.name());
        if (!used) {
          report(
              NameIssue.Kind.UNUSED_IMPORT,
              b.name(),
              b.range(),
              b.statementStart(),
              "`" + b.describe() + "` imported but unused",
              b);
        }
        for (Node node : b.redefinedBy) {
          Node p = statementParent(node);
          if (p instanceof Stmt.For || p instanceof Stmt.AsyncFor || used) {
            continue;
          }
          report(
              NameIssue.Kind.REDEFINED_UNUSED,
              b.name(),
              reportRange(node, b.name()),
              node.range().start(),
              "redefinition of unused `"
                  + b.name()
                  + "` from line "
                  + parse.lines().line(b.statementStart()),
              b);
        }
      }
    }
  }
}
