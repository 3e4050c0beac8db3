package dev.keel.rules.names;

import dev.keel.finding.Severity;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.NameIssue;

@RuleSpec(
    code = "NAM004",
    summary = "an import, function or class is redefined before anything used the first one",
    severity = Severity.WARNING,
    effortMinutes = 5)
final class RedefinedWhileUnused implements FileRule {
  @Override
  public void finish(FileVisit file) {
    NameIssues.report(file, NameIssue.Kind.REDEFINED_UNUSED, i -> true);
  }
}
