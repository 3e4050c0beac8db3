package dev.keel.rules.reliability;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Arg;
import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.BoolOperator;
import dev.keel.python.ast.CmpOp;
import dev.keel.python.ast.ConstantValue;
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
    Set<String> annotated = new HashSet<>();
    for (List<Arg> list : List.of(args.posonlyargs(), args.args(), args.kwonlyargs())) {
      for (Arg a : list) {
        params.add(a.arg());
        if (a.annotation() != null) {
          annotated.add(a.arg());
        }
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
    if (narrowsAType(check, annotated)) {
      return;
    }
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

  /**
   * An assert a type checker reads, without a message: {@code isinstance(x, T)}, {@code x is not
   * None}, or a bare truth test ({@code assert check.past_downtimes}, narrowing an Optional), or an
   * {@code and} of those, where {@code x} is an attribute or an annotated parameter. Typed code
   * writes them to tell mypy what the annotations already promise (httpx's {@code assert
   * isinstance(request.stream, SyncByteStream)}), not to check callers; a message ({@code "account
   * required"}) or an unannotated parameter says the assert is the check.
   */
  private static boolean narrowsAType(Stmt.Assert check, Set<String> annotated) {
    return check.msg() == null && narrows(check.test(), annotated);
  }

  private static boolean narrows(Expr test, Set<String> annotated) {
    return switch (test) {
      case Expr.Call c ->
          c.func() instanceof Expr.Name f
              && (f.id().equals("isinstance") || f.id().equals("issubclass"))
              && !c.args().isEmpty()
              && typedSubject(c.args().get(0), annotated);
      case Expr.Compare c ->
          c.ops().size() == 1
              && c.ops().get(0) == CmpOp.IsNot
              && c.comparators().get(0) instanceof Expr.Constant k
              && k.value() instanceof ConstantValue.NoneValue
              && typedSubject(c.left(), annotated);
      case Expr.BoolOp b ->
          b.op() == BoolOperator.And && b.values().stream().allMatch(v -> narrows(v, annotated));
      default -> typedSubject(test, annotated);
    };
  }

  private static boolean typedSubject(Expr e, Set<String> annotated) {
    return e instanceof Expr.Attribute || e instanceof Expr.Name n && annotated.contains(n.id());
  }
}
