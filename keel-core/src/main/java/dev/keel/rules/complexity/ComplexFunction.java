package dev.keel.rules.complexity;

import dev.keel.metrics.CallableMetrics;
import dev.keel.python.ast.Node;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import dev.keel.rule.Scope;
import dev.keel.rule.Severity;
import java.util.Set;

@RuleSpec(
    code = "CPX001",
    name = "ComplexFunction",
    summary =
        "A function's cyclomatic complexity, counted as radon counts it, is above max-complexity",
    severity = Severity.WARNING,
    effortMinutes = 30,
    scope = Scope.FILE)
final class ComplexFunction implements FileRule {
  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Measured.DEFS;
  }

  @Override
  public void visit(Node node, FileVisit file) {
    int limit = file.threshold("max-complexity");
    Measured.of(node, file)
        .filter(m -> m.complexity() > limit)
        .ifPresent(m -> file.report(m.nameRange(), message(m, limit)));
  }

  private static String message(CallableMetrics m, int limit) {
    return "`"
        + m.name()
        + "` has a cyclomatic complexity of "
        + m.complexity()
        + " (max-complexity is "
        + limit
        + ")";
  }
}
