package dev.keel.rules.names;

import dev.keel.finding.Severity;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.NameIssue;

@RuleSpec(
    code = "NAM002",
    summary = "a name is read that nothing defines: the line raises NameError when it runs",
    severity = Severity.ERROR,
    effortMinutes = 5)
final class UndefinedName implements FileRule {
  @Override
  public void finish(FileVisit file) {
    NameIssues.report(file, NameIssue.Kind.UNDEFINED_NAME, i -> true);
  }
}
