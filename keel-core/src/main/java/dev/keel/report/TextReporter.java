package dev.keel.report;

import dev.keel.finding.Finding;
import dev.keel.finding.NotebookCell;
import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.judge.JudgedFinding;
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

  /** Lines longer than this many code points are shown as a window around the finding. */
  static final int WINDOW = 200;

  /** Code points shown on each side of the flagged part in such a window. */
  private static final int MARGIN = 60;

  private final boolean colour;
  private final boolean quiet;

  // The line last shown: findings on one line come together, and each would otherwise rescan it.
  private String shownPath;
  private int shownLine;
  private String shownRaw;
  private int shownLength;

  TextReporter(boolean colour, boolean quiet) {
    this.colour = colour;
    this.quiet = quiet;
  }

  @Override
  public void write(Report result, PrintWriter out) {
    List<JudgedFinding> shown = result.newFindings();
    String file = null;
    for (JudgedFinding j : shown) {
      Finding f = j.finding();
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

  private void writeFinding(Report result, Finding f, PrintWriter out) {
    String path = Escape.text(f.path());
    String where =
        f.cell().isPresent() && f.span().isPresent()
            ? path + ":" + f.cell().get().where()
            : f.span().map(s -> path + ":" + s.line() + ":" + s.column()).orElse(path);
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
    if (!f.path().equals(shownPath) || s.line() != shownLine) {
      shownPath = f.path();
      shownLine = s.line();
      shownRaw = line.get().replace('\t', ' ');
      shownLength = shownRaw.codePointCount(0, shownRaw.length());
    }
    String raw = shownRaw;
    int length = shownLength;
    int from = Math.max(0, Math.min(s.column() - 1, length));
    int to = s.endLine() == s.line() ? Math.min(s.endColumn() - 1, length) : length;
    to = Math.max(from, to);
    // A long line is shown as a window around the flagged part: one finding prints a bounded
    // amount whatever the line, so 20,000 findings on one 300 KB line do not print 8 GB.
    int shownFrom = 0;
    int shownTo = length;
    if (length > WINDOW) {
      to = Math.min(to, from + WINDOW - 2 * MARGIN);
      shownFrom = Math.max(0, from - MARGIN);
      shownTo = Math.min(length, to + MARGIN);
    }
    // Escapes are wider than what they stand for: the carets are placed on the escaped text.
    String before =
        (shownFrom > 0 ? "\u2026" : "") + Escape.text(slice(raw, length, shownFrom, from));
    String flagged = Escape.text(slice(raw, length, from, to));
    String text =
        before
            + flagged
            + Escape.text(slice(raw, length, to, shownTo))
            + (shownTo < length ? "\u2026" : "");
    String number = String.valueOf(f.cell().map(NotebookCell::line).orElse(s.line()));
    String gutter = " ".repeat(number.length());
    out.println(paint(DIM, "  " + number + " |") + " " + text);
    int carets = Math.max(1, flagged.codePointCount(0, flagged.length()));
    out.println(
        paint(DIM, "  " + gutter + " |")
            + " "
            + " ".repeat(before.codePointCount(0, before.length()))
            + paint(colourOf(f.severity()), "^".repeat(carets)));
  }

  /** Code points {@code from} to {@code to} of {@code raw}, which has {@code length} of them. */
  private static String slice(String raw, int length, int from, int to) {
    if (length == raw.length()) {
      return raw.substring(from, to); // no surrogate pairs: code points are chars
    }
    int a = raw.offsetByCodePoints(0, from);
    return raw.substring(a, raw.offsetByCodePoints(a, to - from));
  }

  private String summary(Report result) {
    String plain = plainSummary(result);
    if (result.since().isEmpty()) {
      return plain;
    }
    // With --since: say what the comparison was and what it left out.
    Since since = result.since().get();
    long worsened =
        result.findings().stream()
            .filter(j -> j.change().orElse(null) == dev.keel.judge.Change.WORSENED)
            .count();
    return plain
        + " Since "
        + since.ref()
        + " ("
        + since.commit().substring(0, Math.min(10, since.commit().length()))
        + "): "
        + (result.findings().size() - worsened)
        + " added, "
        + worsened
        + " worsened; "
        + since.existing()
        + " existing not shown.";
  }

  private String plainSummary(Report result) {
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
