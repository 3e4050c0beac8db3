package dev.keel.rules.complexity;

import dev.keel.finding.Severity;
import dev.keel.metrics.RadonComplexity;
import dev.keel.python.ast.Node;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.HashSet;
import java.util.Set;

@RuleSpec(
    code = "CPX001",
    summary =
        "A function's cyclomatic complexity, counted as radon counts it, is above max-complexity",
    severity = Severity.WARNING,
    effortMinutes = 30)
final class ComplexFunction implements FileRule {
  private static final Set<Class<? extends Node>> KINDS = kinds();

  private static Set<Class<? extends Node>> kinds() {
    Set<Class<? extends Node>> kinds = new HashSet<>(Measured.DEFS);
    kinds.addAll(RadonComplexity.WEIGHED);
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
    }
    int weight = RadonComplexity.weight(node);
    if (weight > 0) {
      Measured owner = Measured.owner(RadonComplexity.countsFor(node, file.ancestors()), file);
      if (owner != null) {
        owner.complexity += weight;
      }
    }
  }

  @Override
  public void finish(FileVisit file) {
    int limit = file.threshold("max-complexity");
    for (Measured m : Measured.all(file)) {
      if (m.complexity > limit) {
        file.report(m.nameRange(), message(m.name(), m.complexity, limit));
      }
    }
  }

  private static String message(String name, int complexity, int limit) {
    return "`"
        + name
        + "` has a cyclomatic complexity of "
        + complexity
        + " (max-complexity is "
        + limit
        + ")";
  }
}
