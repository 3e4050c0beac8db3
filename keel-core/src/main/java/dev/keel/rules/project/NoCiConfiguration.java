package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;

@RuleSpec(
    code = "PRJ010",
    summary = "No continuous-integration pipeline runs the checks on every change",
    severity = Severity.WARNING,
    effortMinutes = 30,
    needs = Needs.FILES)
final class NoCiConfiguration implements ProjectRule {
  /** Where the fix usually goes; the finding has no line. */
  static final String SUGGESTED = ".github/workflows/ci.yml";

  @Override
  public void check(ProjectContext project, FindingSink out) {
    if (project.files(f -> CiFiles.isCiFile(f.path())).isEmpty()) {
      out.report(
          SUGGESTED,
          "no CI configuration (.github/workflows/*.yml, .gitlab-ci.yml, .circleci/config.yml,"
              + " azure-pipelines.yml, Jenkinsfile, …): tests and checks run only when someone"
              + " remembers to");
    }
  }
}
