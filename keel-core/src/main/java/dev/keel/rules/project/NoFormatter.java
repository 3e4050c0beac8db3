package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;

@RuleSpec(
    code = "PRJ006",
    summary = "No code formatter (ruff format, black, yapf, autopep8) is configured",
    severity = Severity.WARNING,
    effortMinutes = 15,
    needs = Needs.FILES)
final class NoFormatter implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    DevelopmentTools tools = DevelopmentTools.of(project);
    if (!tools.has(DevelopmentTools.Role.FORMATTER)) {
      out.report(
          Pyproject.PATH,
          "no code formatter is configured (ruff format, black, yapf or autopep8 in pyproject.toml,"
              + " their own files or a pre-commit hook): style is argued in review instead of"
              + " settled by a tool"
              + (project.exists(".isort.cfg")
                      || project.pyproject().map(t -> t.isTable("tool.isort")).orElse(false)
                  ? "; isort only sorts imports"
                  : ""));
    }
  }
}
