package dev.keel.rules.ci;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;

@RuleSpec(
    code = "CI006",
    summary = "A GitHub Actions workflow is not YAML that can be read (or is past Keel's limits)",
    severity = Severity.ERROR,
    effortMinutes = 10,
    needs = Needs.FILES)
final class WorkflowDoesNotParse implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    for (Workflows.Workflow w : Workflows.of(project).all) {
      if (w.broken != null) {
        int line = w.broken.line();
        int length = Math.max(1, w.line(line).length() - w.broken.column() + 1);
        out.report(
            w.path,
            new Span(line, w.broken.column(), line, w.broken.column() + length),
            "the workflow does not parse as YAML ("
                + w.broken.message()
                + "): GitHub rejects it, and Keel's CI rules could not check it");
      }
    }
  }
}
