package dev.keel.rules.reliability;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Arg;
import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.ExprContext;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileVisit;
import dev.keel.rule.NodeRule;
import dev.keel.rule.RuleSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleSpec(
    code = "REL009",
    summary = "an assert checks a caller's arguments, and python -O removes the check",
    severity = Severity.WARNING,
    effortMinutes = 5)
final class AssertValidatesArguments implements NodeRule<Stmt.Assert> {
  @Override
  public Class<Stmt.Assert> kind() {
    return Stmt.Assert.class;
  }

  @Override
  public void visitNode(Stmt.Assert check, FileVisit file) {
    if (file.isTest() || file.path().endsWith("conftest.py")) {
      return;
    }
    List<Node> up = file.ancestors();
    if (up.isEmpty()) {
      return;
    }
    // Only asserts written straight in the function body: the checks made on entry.
    String name;
    Arguments args;
    switch (up.get(up.size() - 1)) {
      case Stmt.FunctionDef f -> {
        name = f.name();
        args = f.args();
      }
      case Stmt.AsyncFunctionDef f -> {
        name = f.name();
        args = f.args();
      }
      default -> {
        return;
      }
    }
    // A private helper may trust its callers; an assert there states an invariant.
    if (name.startsWith("_") && !(name.startsWith("__") && name.endsWith("__"))) {
      return;
    }
    Set<String> params = new HashSet<>();
    for (List<Arg> list : List.of(args.posonlyargs(), args.args(), args.kwonlyargs())) {
      for (Arg a : list) {
        params.add(a.arg());
      }
    }
    if (args.vararg() != null) {
      params.add(args.vararg().arg());
    }
    if (args.kwarg() != null) {
      params.add(args.kwarg().arg());
    }
    params.remove("self");
    params.remove("cls");
    boolean onParameter =
        Syntax.anyInScope(
            List.of(check.test()),
            n ->
                n instanceof Expr.Name v && v.ctx() == ExprContext.Load && params.contains(v.id()));
    if (onParameter) {
      file.report(
          check,
          "assert validates an argument and disappears under python -O: raise ValueError or"
              + " TypeError instead");
    }
  }
}
