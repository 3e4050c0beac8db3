package dev.keel.semantic;

import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.python.ast.Comprehension;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.MatchCase;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.python.source.Comment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names: loading, storing and deleting a name (with {@code __all__} and the magic globals), and
 * annotations, including string annotations and PEP 484 type comments.
 */
abstract class NameBinder extends ScopeBinder {
  NameBinder(ParseResult parse, ModuleContext context) {
    super(parse, context);
  }

  /** Implemented in {@link Binder}. */
  abstract void handle(Node n, Node parent);

  private static final java.util.regex.Pattern TYPE_COMMENT =
      java.util.regex.Pattern.compile("^#\\s*type:\\s*");
  private static final java.util.regex.Pattern TYPE_IGNORE =
      java.util.regex.Pattern.compile("^#\\s*type:\\s*ignore([^A-Za-z0-9]|$)");
  private static final java.util.regex.Pattern TYPE_FUNCTION =
      java.util.regex.Pattern.compile("^(\\(.*?\\))\\s*->\\s*(.*)$");

  /** PEP 484 type comments, attached to the statement at or above their line (as pyflakes does). */
  final void collectTypeComments() {
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

  final void handleTypeComments(Node node) {
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

  private boolean inPostponedAnnotation() {
    return annotationState == AnnotationState.STRING || annotationsFuture;
  }

  final void load(Expr.Name node) {
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
  final void store(Node node, String name) {
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

  static void addStrings(Expr container, List<String> out) {
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

  final void delete(Expr.Name node) {
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

  final void annotation(Expr annotation, Node owner) {
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

  final void stringAnnotation(String source, Node owner, TextRange where) {
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
}
