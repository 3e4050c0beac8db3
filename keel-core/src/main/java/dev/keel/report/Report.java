package dev.keel.report;

import dev.keel.finding.Severity;
import dev.keel.judge.JudgedFinding;
import dev.keel.rule.RuleDescriptor;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a reporter reads, as plain values: the judged findings in report order, the rules that
 * ran, and the size of what was audited. The orchestrator builds it; reporters know nothing of how.
 *
 * @param findings as the judge returned them, in {@link JudgedFinding#ORDER}; baselined ones
 *     included and marked
 * @param rules the rules that ran, ordered by code
 * @param files Python files audited
 * @param lines lines in those files
 * @param failOn the severity at or above which a new finding fails the run
 * @param sourceLines the text of a line of a project file, for reporters that show it
 * @param since with {@code --since REF}: what was compared; {@code findings} then holds only new
 *     and worsened findings
 */
public record Report(
    String version,
    Path root,
    List<JudgedFinding> findings,
    List<RuleDescriptor> rules,
    int files,
    long lines,
    Severity failOn,
    SourceLines sourceLines,
    java.util.Optional<Since> since) {
  public Report {
    findings = List.copyOf(findings);
    rules = List.copyOf(rules);
  }

  public Report(
      String version,
      Path root,
      List<JudgedFinding> findings,
      List<RuleDescriptor> rules,
      int files,
      long lines,
      Severity failOn,
      SourceLines sourceLines) {
    this(
        version,
        root,
        findings,
        rules,
        files,
        lines,
        failOn,
        sourceLines,
        java.util.Optional.empty());
  }

  /** Findings that are not in the baseline. */
  public List<JudgedFinding> newFindings() {
    return findings.stream().filter(f -> !f.baselined()).toList();
  }

  /** Whether the run fails: a new finding at or above the failing severity. */
  public boolean fails() {
    return findings.stream()
        .anyMatch(f -> !f.baselined() && f.finding().severity().atLeast(failOn));
  }

  public int debtMinutes() {
    return findings.stream().mapToInt(f -> f.finding().effortMinutes()).sum();
  }
}
