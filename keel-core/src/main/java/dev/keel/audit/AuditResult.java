package dev.keel.audit;

import dev.keel.finding.Severity;
import dev.keel.judge.JudgedFinding;
import dev.keel.report.Report;
import dev.keel.report.SourceLines;
import dev.keel.rule.RuleDescriptor;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a reporter needs: the findings in report order, the rules that ran, and the size of
 * what was audited.
 *
 * @param findings as the judge returned them: in report order, baselined ones included and marked
 * @param rules the rules that ran, ordered by code
 * @param files Python files audited
 * @param lines lines in those files
 * @param notRead paths of the files Keel skipped (links out of the project, FIFOs, files too
 *     large): nothing is known about them, so a baseline keeps their entries
 * @param warnings what the run could not do, one line each, for stderr
 * @param unjudged files whose analysis was abandoned (SYN004), so no file rule judged them: a
 *     baseline keeps their entries
 */
public record AuditResult(
    String version,
    Path root,
    List<JudgedFinding> findings,
    List<RuleDescriptor> rules,
    int files,
    long lines,
    Severity failOn,
    SourceLines sourceLines,
    Timings timings,
    List<String> notRead,
    List<String> warnings,
    List<String> unjudged) {
  public AuditResult {
    findings = List.copyOf(findings);
    rules = List.copyOf(rules);
    notRead = List.copyOf(notRead);
    warnings = List.copyOf(warnings);
    unjudged = List.copyOf(unjudged);
  }

  public AuditResult(
      String version,
      Path root,
      List<JudgedFinding> findings,
      List<RuleDescriptor> rules,
      int files,
      long lines,
      Severity failOn,
      SourceLines sourceLines,
      Timings timings) {
    this(
        version,
        root,
        findings,
        rules,
        files,
        lines,
        failOn,
        sourceLines,
        timings,
        List.of(),
        List.of(),
        List.of());
  }

  /** What reporters read of this result. */
  public Report report() {
    return new Report(version, root, findings, rules, files, lines, failOn, sourceLines);
  }

  /** Findings that are not in the baseline. */
  public List<JudgedFinding> newFindings() {
    return report().newFindings();
  }

  /** Whether the run fails: a new finding at or above the failing severity. */
  public boolean fails() {
    return report().fails();
  }

  public int debtMinutes() {
    return report().debtMinutes();
  }
}
