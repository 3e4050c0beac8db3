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

  /** Radon's complexity of a def so far: the walk feeds it every weighed node it counts for. */
  private static final class Complexity {
    final Measured def;
    int value = 1;

    Complexity(Measured def) {
      this.def = def;
    }
  }

  private final FileVisit.Memo<PerDef<Complexity>> complexities = FileVisit.Memo.of(PerDef::new);

  @Override
  public void visit(Node node, FileVisit file) {
    PerDef<Complexity> defs = file.memo(complexities);
    if (Measured.DEFS.contains(node.getClass())) {
      defs.start(node, new Complexity(Measured.of(node, file)));
    }
    int weight = RadonComplexity.weight(node);
    if (weight > 0) {
      Complexity owner = defs.of(RadonComplexity.countsFor(node, file.ancestors()));
      if (owner != null) {
        owner.value += weight;
      }
    }
  }

  @Override
  public void finish(FileVisit file) {
    int limit = file.config().thresholds().maxComplexity();
    for (Complexity c : file.memo(complexities).all()) {
      if (c.value > limit) {
        file.report(c.def.nameRange(), message(c.def.name(), c.value, limit));
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
