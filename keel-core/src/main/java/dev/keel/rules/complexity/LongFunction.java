package dev.keel.rules.complexity;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Node;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "CPX002",
    summary = "A function is longer than max-function-length lines",
    severity = Severity.WARNING,
    effortMinutes = 30)
final class LongFunction implements FileRule {
  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Measured.DEFS;
  }

  @Override
  public void visit(Node node, FileVisit file) {
    int limit = file.config().thresholds().maxFunctionLength();
    // The whole def, decorators included, spans at least as many lines as it is long: when that
    // is within the limit, the name need not be found.
    int first = file.lines().line(node.range().start());
    int last = file.lines().line(Math.max(node.range().start(), node.range().end() - 1));
    if (last - first + 1 <= limit) {
      return;
    }
    Measured m = Measured.of(node, file);
    if (m.length() > limit) {
      file.report(
          m.nameRange(),
          "`"
              + m.name()
              + "` is "
              + m.length()
              + " lines long (max-function-length is "
              + limit
              + ")");
    }
  }
}
