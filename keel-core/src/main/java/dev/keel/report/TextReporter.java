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
 * counted, not printed. What comes from the repository (paths, lines, messages) goes through {@link
 * Escape#text}, so it prints as one line with no control character in it.
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
        out.println(paint(BOLD, Escape.text(file)));
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
    String path = Escape.text(f.path());
    String where = f.span().map(s -> path + ":" + s.line() + ":" + s.column()).orElse(path);
    out.println(
        paint(BOLD, where + ":")
            + " "
            + paint(colourOf(f.severity()), f.code())
            + " "
            + Escape.text(f.message()));
    Optional<Span> span = f.span();
    if (span.isEmpty()) {
      return;
    }
    Span s = span.get();
    Optional<String> line = result.sourceLines().line(f.path(), s.line());
    if (line.isEmpty()) {
      return;
    }
    String raw = line.get().replace('\t', ' ');
    int length = raw.codePointCount(0, raw.length());
    int from = Math.max(0, Math.min(s.column() - 1, length));
    int to = s.endLine() == s.line() ? Math.min(s.endColumn() - 1, length) : length;
    int fromIndex = raw.offsetByCodePoints(0, from);
    int toIndex = raw.offsetByCodePoints(0, Math.max(from, to));
    // Escapes are wider than what they stand for: the carets are placed on the escaped text.
    String before = Escape.text(raw.substring(0, fromIndex));
    String flagged = Escape.text(raw.substring(fromIndex, toIndex));
    String text = before + flagged + Escape.text(raw.substring(toIndex));
    String number = String.valueOf(s.line());
    String gutter = " ".repeat(number.length());
    out.println(paint(DIM, "  " + number + " |") + " " + text);
    int carets = Math.max(1, flagged.codePointCount(0, flagged.length()));
    out.println(
        paint(DIM, "  " + gutter + " |")
            + " "
            + " ".repeat(before.codePointCount(0, before.length()))
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
