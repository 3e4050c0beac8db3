package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Operator;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleSpec(
    code = "SEC005",
    summary =
        "SQL built with %, +, .format or an f-string is executed: values can rewrite the query",
    severity = Severity.ERROR,
    effortMinutes = 20)
final class SqlBuiltFromStrings implements CallRule {
  /** Per file (this rule object is shared by every thread). */
  private final FileVisit.Memo<Map<Key, Expr>> built = FileVisit.Memo.of(HashMap::new);

  private static final Set<String> EXECUTE = Set.of("execute", "executemany", "executescript");
  private static final Set<String> TEXT =
      Set.of("sqlalchemy.text", "sqlalchemy.sql.text", "sqlalchemy.sql.expression.text");

  private static final Set<String> CALLS = callsOf();

  private static Set<String> callsOf() {
    Set<String> out = new java.util.HashSet<>(TEXT);
    for (String e : EXECUTE) {
      out.add("*." + e); // a cursor's or connection's, whatever the receiver
    }
    return Set.copyOf(out);
  }

  /** The last value assigned to each name, per enclosing function (or the module). */
  private record Key(int scope, String name) {}

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Stmt.Assign.class, Stmt.AnnAssign.class, Stmt.AugAssign.class);
  }

  @Override
  public Set<String> calls() {
    return CALLS;
  }

  @Override
  public void visit(Node node, FileVisit file) {
    if (TestCode.of(file)) {
      return;
    }
    // Only names whose last value builds a query from strings are kept: most files have none, and
    // a name assigned anything else is forgotten.
    Map<Key, Expr> built = file.memo(this.built);
    switch (node) {
      case Stmt.Assign a -> {
        boolean isBuilt = isBuilt(a.value(), file);
        for (int i = 0, size = a.targets().size(); i < size; i++) {
          Expr t = a.targets().get(i);
          if (t instanceof Expr.Name n && (isBuilt || !built.isEmpty())) {
            remember(built, new Key(scope(file), n.id()), a.value(), isBuilt);
          }
        }
      }
      case Stmt.AnnAssign a -> {
        if (a.target() instanceof Expr.Name n && a.value() != null) {
          boolean isBuilt = isBuilt(a.value(), file);
          if (isBuilt || !built.isEmpty()) {
            remember(built, new Key(scope(file), n.id()), a.value(), isBuilt);
          }
        }
      }
      case Stmt.AugAssign a -> {
        if (a.target() instanceof Expr.Name n && a.op() == Operator.Add) {
          Key k = new Key(scope(file), n.id());
          Expr before = built.get(k);
          Expr after;
          // `sql += " WHERE id = " + x` keeps the query built from strings.
          if (isBuilt(a.value(), file) || before != null) {
            after = a.value() instanceof Expr.Constant ? before : a.value();
          } else {
            after = Literals.isLiteralText(a.value()) ? before : a.value();
          }
          remember(built, k, after, isBuilt(after, file));
        }
      }
      default -> {}
    }
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (TestCode.of(file)) {
      return;
    }
    check(call, file, file.memo(built));
  }

  private static void remember(Map<Key, Expr> built, Key k, Expr value, boolean isBuilt) {
    if (isBuilt) {
      built.put(k, value);
    } else {
      built.remove(k);
    }
  }

  private void check(Expr.Call call, FileVisit file, Map<Key, Expr> assigned) {
    if (call.args().isEmpty()) {
      return;
    }
    boolean sink =
        call.func() instanceof Expr.Attribute a && EXECUTE.contains(a.attr())
            || file.qualifiedName(call.func()).filter(TEXT::contains).isPresent();
    if (!sink) {
      return;
    }
    Expr query = call.args().get(0);
    if (query instanceof Expr.Name n) {
      query = assigned.isEmpty() ? null : assigned.get(new Key(scope(file), n.id()));
    }
    if (query != null && isBuilt(query, file)) {
      file.report(
          call.args().get(0),
          "SQL built from strings: pass the values as query parameters instead");
    }
  }

  /** Whether {@code e} formats or concatenates run-time values into text. */
  private static boolean isBuilt(Expr e, FileVisit file) {
    if (e == null) {
      return false;
    }
    return switch (e) {
      case Expr.JoinedStr j -> hasFormattedValue(j);
      case Expr.BinOp b when b.op() == Operator.Mod -> Literals.isLiteralText(b.left());
      case Expr.BinOp b when b.op() == Operator.Add ->
          !Literals.isLiteralText(b) && (hasText(b.left()) || hasText(b.right()));
      case Expr.Call c ->
          c.func() instanceof Expr.Attribute a
              && a.attr().equals("format")
              && Literals.isLiteralText(a.value())
              && !(c.args().isEmpty() && c.keywords().isEmpty());
      default -> false;
    };
  }

  private static boolean hasFormattedValue(Expr.JoinedStr j) {
    for (Expr v : j.values()) {
      if (v instanceof Expr.FormattedValue) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasText(Expr e) {
    return Literals.isLiteralText(e)
        || e instanceof Expr.JoinedStr
        || e instanceof Expr.BinOp b
            && (b.op() == Operator.Add && (hasText(b.left()) || hasText(b.right()))
                || b.op() == Operator.Mod && Literals.isLiteralText(b.left()));
  }

  /** Where the enclosing function (or the module, -1) starts: records hash nodes deeply. */
  private static int scope(FileVisit file) {
    List<Node> up = file.ancestors();
    for (int i = up.size() - 1; i >= 0; i--) {
      Node n = up.get(i);
      if (n instanceof Stmt.FunctionDef
          || n instanceof Stmt.AsyncFunctionDef
          || n instanceof Expr.Lambda) {
        return n.range().start();
      }
    }
    return -1;
  }
}
