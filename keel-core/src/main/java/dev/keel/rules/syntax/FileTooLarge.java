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
    code = "SYN003",
    summary = "a file is larger than max-file-size, so Keel skipped it: no rule judged it",
    severity = Severity.WARNING,
    effortMinutes = 5,
    needs = Needs.FILES)
final class FileTooLarge implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    for (NotRead n : project.project().notRead()) {
      if (n.reason() == ConfinedReader.Reason.TOO_LARGE) {
        out.report(n.path(), n.message());
      }
    }
  }
}
