package dev.keel.rules.names;

import dev.keel.finding.Severity;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.NameIssue;

@RuleSpec(
    code = "NAM003",
    summary = "a local variable is assigned but never read: dead code, or a result forgotten",
    severity = Severity.WARNING,
    effortMinutes = 2)
final class UnusedVariable implements FileRule {
  @Override
  public void finish(FileVisit file) {
    NameIssues.report(file, NameIssue.Kind.UNUSED_VARIABLE, i -> true);
  }
}
