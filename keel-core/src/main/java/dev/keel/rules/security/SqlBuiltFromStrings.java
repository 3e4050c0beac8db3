package dev.keel.rules.security;

import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Operator;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import dev.keel.rule.Scope;
import dev.keel.rule.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleSpec(
    code = "SEC005",
    name = "SqlBuiltFromStrings",
    summary =
        "SQL built with %, +, .format or an f-string is executed: values can rewrite the query",
    severity = Severity.ERROR,
    effortMinutes = 20,
    scope = Scope.FILE)
final class SqlBuiltFromStrings implements FileRule {
  private static final Set<String> EXECUTE = Set.of("execute", "executemany", "executescript");
  private static final Set<String> TEXT =
      Set.of("sqlalchemy.text", "sqlalchemy.sql.text", "sqlalchemy.sql.expression.text");

  /** The last value assigned to each name, per enclosing function (or the module). */
  private record Key(int scope, String name) {}

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Expr.Call.class, Stmt.Assign.class, Stmt.AnnAssign.class, Stmt.AugAssign.class);
  }

  @Override
  public void visit(Node node, FileVisit file) {
    Map<Key, Expr> assigned = file.state(this, HashMap::new);
    switch (node) {
      case Stmt.Assign a -> {
        for (Expr t : a.targets()) {
          if (t instanceof Expr.Name n) {
            assigned.put(new Key(scope(file), n.id()), a.value());
          }
        }
      }
      case Stmt.AnnAssign a -> {
        if (a.target() instanceof Expr.Name n && a.value() != null) {
          assigned.put(new Key(scope(file), n.id()), a.value());
        }
      }
      case Stmt.AugAssign a -> {
        if (a.target() instanceof Expr.Name n && a.op() == Operator.Add) {
          Key k = new Key(scope(file), n.id());
          // `sql += " WHERE id = " + x` keeps the query built from strings.
          if (isBuilt(a.value(), file) || isBuilt(assigned.get(k), file)) {
            assigned.put(k, a.value() instanceof Expr.Constant ? assigned.get(k) : a.value());
          } else if (!Calls.isLiteralText(a.value())) {
            assigned.put(k, a.value());
          }
        }
      }
      case Expr.Call call -> check(call, file, assigned);
      default -> {}
    }
  }

  private void check(Expr.Call call, FileVisit file, Map<Key, Expr> assigned) {
    boolean sink =
        call.func() instanceof Expr.Attribute a && EXECUTE.contains(a.attr())
            || file.qualifiedName(call.func()).filter(TEXT::contains).isPresent();
    if (!sink || call.args().isEmpty()) {
      return;
    }
    Expr query = call.args().get(0);
    if (query instanceof Expr.Name n) {
      query = assigned.get(new Key(scope(file), n.id()));
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
      case Expr.JoinedStr j -> j.values().stream().anyMatch(v -> v instanceof Expr.FormattedValue);
      case Expr.BinOp b when b.op() == Operator.Mod -> Calls.isLiteralText(b.left());
      case Expr.BinOp b when b.op() == Operator.Add ->
          !Calls.isLiteralText(b) && (hasText(b.left()) || hasText(b.right()));
      case Expr.Call c ->
          c.func() instanceof Expr.Attribute a
              && a.attr().equals("format")
              && Calls.isLiteralText(a.value())
              && !(c.args().isEmpty() && c.keywords().isEmpty());
      default -> false;
    };
  }

  private static boolean hasText(Expr e) {
    return Calls.isLiteralText(e)
        || e instanceof Expr.JoinedStr
        || e instanceof Expr.BinOp b
            && (b.op() == Operator.Add && (hasText(b.left()) || hasText(b.right()))
                || b.op() == Operator.Mod && Calls.isLiteralText(b.left()));
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
