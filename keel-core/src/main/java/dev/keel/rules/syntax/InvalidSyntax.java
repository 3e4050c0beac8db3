package dev.keel.rules.syntax;

import dev.keel.finding.Severity;
import dev.keel.python.source.SyntaxError;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.Needs;
import dev.keel.rule.RuleSpec;
import java.util.List;

@RuleSpec(
    code = "SYN001",
    summary =
        "the file is not valid Python: it cannot be imported, and no other rule sees it whole",
    severity = Severity.ERROR,
    effortMinutes = 10,
    needs = Needs.SYNTAX)
final class InvalidSyntax implements FileRule {
  /**
   * Findings per file: CPython stops at the first error, and a file of garbage has one per
   * character (a kilobyte of NUL bytes would be a thousand findings and a week of debt).
   */
  static final int MAX_FINDINGS = 10;

  @Override
  public void finish(FileVisit file) {
    List<SyntaxError> errors = file.parse().errors();
    int shown = Math.min(errors.size(), MAX_FINDINGS);
    for (int i = 0; i < shown; i++) {
      SyntaxError e = errors.get(i);
      file.report(e.start(), e.end(), e.kind() + ": " + e.message());
    }
    int more = errors.size() - shown + file.parse().omittedErrors();
    if (more > 0) {
      SyntaxError next = errors.get(Math.min(shown, errors.size() - 1));
      file.report(
          next.start(),
          next.end(),
          "and "
              + more
              + " more syntax error"
              + (more == 1 ? "" : "s")
              + " in this file, not reported one by one");
    }
  }
}
