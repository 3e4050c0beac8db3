package dev.keel.rules.tests;

import dev.keel.coverage.CallableCoverage;
import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.project.TierPaths;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ReadsCoverage;
import dev.keel.rule.RuleSpec;

@RuleSpec(
    code = "TST008",
    summary =
        "a hotspot (changed often, complex) that the tests run less of than the coverage target",
    severity = Severity.WARNING,
    effortMinutes = 30)
final class UncoveredHotspot implements ReadsCoverage {
  /**
   * Commits in the last year times cyclomatic complexity from which a function is a hotspot: four
   * changes to a function with five branches, as {@code keel report} ranks them.
   */
  static final int MIN_SCORE = 20;

  @Override
  public void check(ProjectContext project, FindingSink out) {
    if (project.coverage().isEmpty()) {
      return;
    }
    TierPaths tiers = TierPaths.of(project.config().tiers());
    java.util.List<Covered.Module> modules = Covered.modules(project);
    if (modules.isEmpty()) {
      return;
    }
    java.util.Map<String, Integer> churn = project.functionChanges();
    for (Covered.Module m : modules) {
      int target = project.config().coverageTarget(tiers.of(m.file().path()));
      if (target == 0) {
        continue;
      }
      for (CallableCoverage c : m.report().callables()) {
        int changes =
            churn.getOrDefault(m.file().path() + "\0" + c.name().replace(".<locals>", ""), 0);
        long score = (long) changes * c.complexity();
        if (score < MIN_SCORE || c.statements().isEmpty() || c.percent() >= target) {
          continue;
        }
        out.report(
            m.file().path(),
            Span.wholeLine(c.line(), Math.max(1, project.lineLength(m.file().path(), c.line()))),
            Covered.qualified(m.module(), c.name())
                + " is a hotspot ("
                + changes
                + " commits in the last year, complexity "
                + c.complexity()
                + ") and the tests run "
                + Math.round(Math.floor(c.percent()))
                + "% of it (coverage target "
                + target
                + "%): the code that changes most is the least protected");
      }
    }
  }
}
