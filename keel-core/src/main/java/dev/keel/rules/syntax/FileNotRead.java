package dev.keel.rules.syntax;

import dev.keel.ConfinedReader;
import dev.keel.finding.Severity;
import dev.keel.project.NotRead;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;

@RuleSpec(
    code = "SYN002",
    summary =
        "a file of the project was not read (a link out of the project, a FIFO, socket or device,"
            + " no permission): no rule judged it",
    severity = Severity.WARNING,
    effortMinutes = 5,
    needs = Needs.FILES)
final class FileNotRead implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    for (NotRead n : project.project().notRead()) {
      if (n.reason() != ConfinedReader.Reason.TOO_LARGE) {
        out.report(n.path(), n.message());
      }
    }
  }
}
