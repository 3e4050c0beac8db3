package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;

@RuleSpec(
    code = "PRJ007",
    summary = "No linter (ruff, flake8, pylint) is configured",
    severity = Severity.WARNING,
    effortMinutes = 20,
    needs = Needs.FILES)
final class NoLinter implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    DevelopmentTools tools = DevelopmentTools.of(project);
    if (!tools.has(DevelopmentTools.Role.LINTER)) {
      out.report(
          Pyproject.PATH,
          "no linter is configured (ruff, flake8 or pylint in pyproject.toml, setup.cfg, tox.ini,"
              + " their own files or a pre-commit hook): unused imports, undefined names and"
              + " likely bugs reach review");
    }
  }
}
