package dev.keel.rules.complexity;

import dev.keel.metrics.RadonComplexity;
import dev.keel.python.ast.Node;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import dev.keel.rule.Scope;
import dev.keel.rule.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
  private static final Set<Class<? extends Node>> KINDS = kinds();

  private static final Object KEY = new Object();

  /**
   * The defs of the file in the order the walk met them, each with the complexity counted so far:
   * the walk feeds every weighed node to the def it counts for, so no def is walked twice.
   */
  private static final class Counts {
    final List<Measured> defs = new ArrayList<>();
    final Map<Node, int[]> complexity = new IdentityHashMap<>();
  }

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
    Counts counts = file.state(KEY, Counts::new);
    if (Measured.DEFS.contains(node.getClass())) {
      Measured m = Measured.of(node, file);
      counts.defs.add(m);
      counts.complexity.put(node, new int[] {1});
    }
    int weight = RadonComplexity.weight(node);
    if (weight > 0) {
      Node def = RadonComplexity.countsFor(node, file.ancestors());
      if (def != null) {
        counts.complexity.get(def)[0] += weight;
      }
    }
  }

  @Override
  public void finish(FileVisit file) {
    Counts counts = file.state(KEY, Counts::new);
    int limit = file.threshold("max-complexity");
    for (Measured m : counts.defs) {
      int complexity = counts.complexity.get(m.syntax().node())[0];
      if (complexity > limit) {
        file.report(m.nameRange(), message(m.name(), complexity, limit));
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
