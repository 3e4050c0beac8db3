package dev.keel.rules.complexity;

import dev.keel.finding.Severity;
import dev.keel.metrics.Nesting;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.HashSet;
import java.util.Set;

@RuleSpec(
    code = "CPX004",
    summary = "A function nests blocks deeper than max-nesting",
    severity = Severity.WARNING,
    effortMinutes = 20)
final class DeeplyNestedFunction implements FileRule {
  private static final Set<Class<? extends Node>> KINDS = kinds();

  private static Set<Class<? extends Node>> kinds() {
    Set<Class<? extends Node>> kinds = new HashSet<>(Measured.DEFS);
    kinds.addAll(Nesting.BLOCKS);
    return Set.copyOf(kinds);
  }

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return KINDS;
  }

  @Override
  public void visit(Node node, FileVisit file) {
    if (Measured.DEFS.contains(node.getClass())) {
      Measured.of(node, file);
      return;
    }
    Stmt block = (Stmt) node;
    int[] level = new int[1];
    Measured owner =
        Measured.owner(Nesting.countsFor(block, file.ancestors(), file.text(), level), file);
    if (owner != null && level[0] > owner.depth) {
      owner.depth = level[0];
      owner.deepest = block;
    }
  }

  @Override
  public void finish(FileVisit file) {
    int limit = file.threshold("max-nesting");
    for (Measured m : Measured.all(file)) {
      if (m.depth > limit) {
        // Point at the header line of the deepest block: that is where to start untangling.
        int start = m.deepest.range().start();
        int line = file.lines().line(start);
        int end = Math.min(file.lines().lineEnd(line), m.deepest.range().end());
        file.report(
            new TextRange(start, end),
            "`" + m.name() + "` nests blocks " + m.depth + " deep (max-nesting is " + limit + ")");
      }
    }
  }
}
