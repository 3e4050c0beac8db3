package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;

@RuleSpec(
    code = "PRJ009",
    summary = "No test runner (pytest, tox, nox, hatch test) is configured",
    severity = Severity.WARNING,
    effortMinutes = 20,
    needs = Needs.FILES)
final class NoTestRunner implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    DevelopmentTools tools = DevelopmentTools.of(project);
    if (!tools.has(DevelopmentTools.Role.TEST_RUNNER)) {
      out.report(
          Pyproject.PATH,
          "no test runner is configured (pytest, tox, nox or hatch test in pyproject.toml,"
              + " setup.cfg, tox.ini, their own files, conftest.py, or run by CI or a"
              + " Makefile): nobody can tell how the tests are meant to run");
    }
  }
}
