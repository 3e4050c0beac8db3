package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;

@RuleSpec(
    code = "PRJ008",
    summary = "No type checker (mypy, pyright, pytype, ty) is configured",
    severity = Severity.WARNING,
    effortMinutes = 30,
    needs = Needs.FILES)
final class NoTypeChecker implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    DevelopmentTools tools = DevelopmentTools.of(project);
    if (!tools.has(DevelopmentTools.Role.TYPE_CHECKER)) {
      out.report(
          Pyproject.PATH,
          "no type checker is configured (mypy, pyright, basedpyright, pytype or ty in"
              + " pyproject.toml, setup.cfg, their own files or a pre-commit hook): type"
              + " annotations are never checked");
    }
  }
}
