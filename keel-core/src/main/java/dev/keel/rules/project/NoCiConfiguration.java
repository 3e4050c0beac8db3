package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.rule.Scope;

@RuleSpec(
    code = "PRJ010",
    name = "NoCiConfiguration",
    summary = "No continuous-integration pipeline runs the checks on every change",
    severity = Severity.WARNING,
    effortMinutes = 30,
    scope = Scope.PROJECT,
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
