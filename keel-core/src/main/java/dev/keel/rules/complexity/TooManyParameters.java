package dev.keel.rules.complexity;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Node;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "CPX003",
    summary = "A function takes more than max-parameters parameters (self and cls not counted)",
    severity = Severity.WARNING,
    effortMinutes = 20)
final class TooManyParameters implements FileRule {
  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Measured.DEFS;
  }

  @Override
  public void visit(Node node, FileVisit file) {
    int limit = file.config().thresholds().maxParameters();
    Measured m = Measured.of(node, file);
    if (m.parameters() > limit) {
      file.report(
          m.nameRange(),
          "`"
              + m.name()
              + "` takes "
              + m.parameters()
              + " parameters (max-parameters is "
              + limit
              + ")");
    }
  }
}
