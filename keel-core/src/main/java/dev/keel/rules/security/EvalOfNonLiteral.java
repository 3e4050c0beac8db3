package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "SEC001",
    summary = "eval or exec runs code built at run time: whoever controls the text runs code",
    severity = Severity.ERROR,
    effortMinutes = 30)
final class EvalOfNonLiteral implements CallRule {
  @Override
  public Set<String> calls() {
    return Set.of("builtins.eval", "builtins.exec");
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (TestCode.of(file)) {
      return;
    }
    String q = file.qualifiedName(call.func()).orElseThrow();
    Expr source = call.argument(0, "source");
    if (source == null || Literals.isLiteralText(source)) {
      return;
    }
    String fn = q.substring("builtins.".length());
    file.report(call, fn + "() of text built at run time: use a parser or a dispatch table");
  }
}
