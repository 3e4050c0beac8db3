package dev.keel.rules.tests;

import dev.keel.coverage.CallableCoverage;
import dev.keel.coverage.StatementLines;
import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ReadsCoverage;
import dev.keel.rule.RuleSpec;
import java.util.HashSet;
import java.util.Set;

@RuleSpec(
    code = "TST007",
    summary = "a raise, or the body of an except, that no test ran (from coverage.py's data)",
    severity = Severity.INFO,
    effortMinutes = 15)
final class UnexecutedErrorPath implements ReadsCoverage {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    for (Covered.Module m : Covered.modules(project)) {
      String path = m.file().path();
      for (CallableCoverage c : m.report().callables()) {
        if (c.executed().isEmpty()) {
          continue; // nothing of it ran: TST006 says so once, not once per raise
        }
        String name = Covered.qualified(m.module(), c.name());
        Set<Integer> inSilentHandler = new HashSet<>();
        for (StatementLines.Handler h : m.report().handlers()) {
          if (c.unexecutedHandlers().contains(h.line())) {
            inSilentHandler.addAll(h.body());
            report(
                project,
                out,
                path,
                h.line(),
                "no test ran this except clause of "
                    + name
                    + ": its handling of the error is untested");
          }
        }
        for (int line : c.unexecutedRaises()) {
          if (inSilentHandler.contains(line) || Covered.placeholderRaise(project, path, line)) {
            continue;
          }
          report(
              project,
              out,
              path,
              line,
              "no test ran this raise in " + name + ": its error path is untested");
        }
      }
    }
  }

  private static void report(
      ProjectContext project, FindingSink out, String path, int line, String message) {
    int length = project.lineLength(path, line);
    String text = project.sourceLine(path, line).orElse("");
    int indent = text.length() - text.stripLeading().length();
    out.report(path, new Span(line, indent + 1, line, Math.max(indent + 1, length) + 1), message);
  }
}
