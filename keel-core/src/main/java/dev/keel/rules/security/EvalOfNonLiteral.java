package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "SEC001",
    summary = "eval or exec runs code built at run time: whoever controls the text runs code",
    severity = Severity.ERROR,
    effortMinutes = 30)
final class EvalOfNonLiteral implements FileRule {
  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Expr.Call.class);
  }

  @Override
  public Set<String> callees() {
    return Set.of("eval", "exec");
  }

  @Override
  public void visit(Node node, FileVisit file) {
    Expr.Call call = (Expr.Call) node;
    String q = file.qualifiedName(call.func()).orElse("");
    if (!q.equals("builtins.eval") && !q.equals("builtins.exec")) {
      return;
    }
    Expr source = call.argument(0, "source");
    if (source == null || Literals.isLiteralText(source)) {
      return;
    }
    String fn = q.substring("builtins.".length());
    file.report(call, fn + "() of text built at run time: use a parser or a dispatch table");
  }
}
