package dev.keel.rules.complexity;

import dev.keel.metrics.Nesting;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.TextRange;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import dev.keel.rule.Scope;
import dev.keel.rule.Severity;
import java.util.Set;

@RuleSpec(
    code = "CPX004",
    name = "DeeplyNestedFunction",
    summary = "A function nests blocks deeper than max-nesting",
    severity = Severity.WARNING,
    effortMinutes = 20,
    scope = Scope.FILE)
final class DeeplyNestedFunction implements FileRule {
  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Measured.DEFS;
  }

  @Override
  public void visit(Node node, FileVisit file) {
    int limit = file.threshold("max-nesting");
    Measured m = Measured.of(node, file);
    if (m == null) {
      return;
    }
    Nesting.Result nesting = m.nesting();
    if (nesting.depth() > limit) {
      // Point at the header line of the deepest block: that is where to start untangling.
      int start = nesting.deepest().range().start();
      int line = file.lines().line(start);
      int end = Math.min(file.lines().lineEnd(line), nesting.deepest().range().end());
      file.report(
          new TextRange(start, end),
          "`"
              + m.name()
              + "` nests blocks "
              + nesting.depth()
              + " deep (max-nesting is "
              + limit
              + ")");
    }
  }
}
