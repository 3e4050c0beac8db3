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
    code = "TST006",
    summary = "a public callable's tests run less of it than the coverage target",
    severity = Severity.INFO,
    effortMinutes = 20)
final class CallableBelowCoverageTarget implements ReadsCoverage {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    TierPaths tiers = TierPaths.of(project.config().tiers());
    for (Covered.Module m : Covered.modules(project)) {
      int target = project.config().coverageTarget(tiers.of(m.file().path()));
      if (target == 0) {
        continue;
      }
      for (CallableCoverage c : m.report().callables()) {
        if (c.statements().isEmpty()
            || !Covered.isPublic(m.module(), c.name())
            || c.percent() >= target
            || c.statements().stream()
                .allMatch(l -> Covered.placeholderRaise(project, m.file().path(), l))) {
          continue; // an abstract method's body is a placeholder, not code to test
        }
        out.report(
            m.file().path(),
            Span.wholeLine(c.line(), Math.max(1, project.lineLength(m.file().path(), c.line()))),
            Covered.qualified(m.module(), c.name())
                + ": the tests run "
                + Math.round(Math.floor(c.percent()))
                + "% of its "
                + c.statements().size()
                + (c.statements().size() == 1 ? " statement" : " statements")
                + " (coverage target "
                + target
                + "%); "
                + Covered.lines(c.missing())
                + " never ran");
      }
    }
  }
}
