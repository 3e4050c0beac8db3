package dev.keel.report;

import dev.keel.audit.AuditResult;
import dev.keel.rule.Finding;
import dev.keel.rule.Severity;
import dev.keel.rule.Span;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * Findings like compiler errors, grouped by file: {@code path:line:col: CODE message}, then the
 * source line with carets under the flagged part, then a summary line. Baselined findings are
 * counted, not printed.
 */
final class TextReporter implements Reporter {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";

  private final boolean colour;
  private final boolean quiet;

  TextReporter(boolean colour, boolean quiet) {
    this.colour = colour;
    this.quiet = quiet;
  }

  @Override
  public void write(AuditResult result, PrintWriter out) {
    List<Finding> shown = result.newFindings();
    String file = null;
    for (Finding f : shown) {
      if (!f.path().equals(file)) {
        if (file != null) {
          out.println();
        }
        file = f.path();
        out.println(paint(BOLD, file));
      }
      writeFinding(result, f, out);
    }
    if (quiet) {
      return;
    }
    if (!shown.isEmpty()) {
      out.println();
    }
    out.println(summary(result));
  }

  private void writeFinding(AuditResult result, Finding f, PrintWriter out) {
    String where = f.span().map(s -> f.path() + ":" + s.line() + ":" + s.column()).orElse(f.path());
    out.println(
        paint(BOLD, where + ":")
            + " "
            + paint(colourOf(f.severity()), f.code())
            + " "
            + f.message());
    Optional<Span> span = f.span();
    if (span.isEmpty()) {
      return;
    }
    Span s = span.get();
    Optional<String> line = result.sourceLines().line(f.path(), s.line());
    if (line.isEmpty()) {
      return;
    }
    String text = line.get().replace('\t', ' ');
    String number = String.valueOf(s.line());
    String gutter = " ".repeat(number.length());
    out.println(paint(DIM, "  " + number + " |") + " " + text);
    int length = text.codePointCount(0, text.length());
    int from = Math.min(s.column() - 1, length);
    int to = s.endLine() == s.line() ? Math.min(s.endColumn() - 1, length) : length;
    int carets = Math.max(1, to - from);
    out.println(
        paint(DIM, "  " + gutter + " |")
            + " "
            + " ".repeat(from)
            + paint(colourOf(f.severity()), "^".repeat(carets)));
  }

  private String summary(AuditResult result) {
    int total = result.findings().size();
    int fresh = result.newFindings().size();
    int baselined = total - fresh;
    String scope =
        Debt.plural(result.files(), "file", "files")
            + ", "
            + Debt.plural((int) result.lines(), "line", "lines");
    if (fresh == 0) {
      String held = baselined == 0 ? "" : " (" + baselined + " baselined)";
      return paint(BOLD, "All clear:") + " no new findings" + held + " in " + scope + ".";
    }
    String counts =
        "(" + fresh + " new" + (baselined == 0 ? "" : ", " + baselined + " baselined") + ")";
    String failing =
        result.fails()
            ? ""
            : "; none at or above " + result.failOn().label() + ", so the run passes";
    return paint(BOLD, "Found " + Debt.plural(total, "finding", "findings"))
        + " "
        + counts
        + " in "
        + scope
        + "; debt "
        + Debt.words(result.debtMinutes())
        + failing
        + ".";
  }

  private static String colourOf(Severity s) {
    return switch (s) {
      case ERROR -> RED;
      case WARNING -> YELLOW;
      case INFO -> CYAN;
    };
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }
}
