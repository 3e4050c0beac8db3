package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "SEC008",
    summary = "tempfile.mktemp returns a name another process can create first",
    severity = Severity.WARNING,
    effortMinutes = 10)
final class InsecureTempFile implements CallRule {
  @Override
  public Set<String> calls() {
    return Set.of("tempfile.mktemp");
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (TestCode.of(file)) {
      return;
    }
    file.report(
        call,
        "tempfile.mktemp() is open to a race: use tempfile.mkstemp() or NamedTemporaryFile()");
  }
}
