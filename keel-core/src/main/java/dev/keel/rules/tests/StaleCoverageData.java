package dev.keel.rules.tests;

import dev.keel.coverage.ProjectCoverage;
import dev.keel.finding.Severity;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ReadsCoverage;
import dev.keel.rule.RuleSpec;

@RuleSpec(
    code = "TST009",
    summary = "coverage.py's data is older than the module it describes",
    severity = Severity.INFO,
    effortMinutes = 5)
final class StaleCoverageData implements ReadsCoverage {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    if (project.coverage().isEmpty()) {
      return;
    }
    ProjectCoverage coverage = project.coverage().get();
    String data = project.root().relativize(coverage.data().source().toAbsolutePath()).toString();
    for (ProjectFile f : project.files(f -> f.kind() == FileKind.SOURCE)) {
      coverage
          .file(f.path())
          .flatMap(ProjectCoverage.FileReport::stale)
          .ifPresent(
              why ->
                  out.report(
                      f.path(),
                      "the coverage data ("
                          + data.replace('\\', '/')
                          + ") is older than this module: "
                          + why
                          + "; Keel judges no coverage of it until the tests are measured again"));
    }
  }
}
