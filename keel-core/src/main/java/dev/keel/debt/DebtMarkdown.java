package dev.keel.debt;

import dev.keel.finding.Finding;
import dev.keel.judge.JudgedFinding;
import java.io.PrintWriter;

/**
 * A summary that fits a pull-request comment or a GitHub step summary (kept under 64 KB): the
 * rating, the debt, what to do first, the top hotspots and, with {@code --since}, what the change
 * added.
 */
public final class DebtMarkdown {
  /** GitHub's limit for a step summary or a comment is 64 KB; stay well inside it. */
  static final int LIMIT = 60 * 1024;

  private DebtMarkdown() {}

  public static void write(DebtReport r, PrintWriter out) {
    StringBuilder b = new StringBuilder();
    b.append("## Keel debt report: ").append(cell(r.project())).append("\n\n");
    b.append("**Maintainability ")
        .append(r.rating())
        .append("** · debt ")
        .append(DebtModel.words(r.minutes()))
        .append(" (")
        .append(DebtModel.percent(r.ratio()))
        .append(" of the ")
        .append(DebtModel.words(Math.round(r.costPerLine() * r.linesOfCode())))
        .append(" it took to write ")
        .append(r.linesOfCode())
        .append(" lines of code) · reliability ")
        .append(r.reliability().rating())
        .append(" · security ")
        .append(r.security().rating())
        .append(" · ")
        .append(r.findings())
        .append(" findings\n\n");
    r.lastChange().ifPresent(c -> b.append(c).append("\n\n"));
    if (r.since().isPresent()) {
      DebtReport.Since s = r.since().get();
      b.append("### This change (since ").append(cell(s.ref())).append(")\n\n");
      if (s.added().isEmpty()) {
        b.append("No new or worsened findings (").append(s.existing()).append(" existing).\n\n");
      } else {
        b.append(s.added().size())
            .append(" new or worsened findings, ")
            .append(DebtModel.words(s.minutes()))
            .append(" of debt added (")
            .append(s.existing())
            .append(" existing).\n\n| | finding | where | fix |\n| --- | --- | --- | --- |\n");
        int shown = 0;
        for (JudgedFinding j : s.added()) {
          if (shown++ == 25) {
            b.append("| | … and ").append(s.added().size() - 25).append(" more | | |\n");
            break;
          }
          Finding f = j.finding();
          b.append("| ")
              .append(j.change().map(c -> c.label()).orElse("new"))
              .append(" | ")
              .append(f.code())
              .append(" ")
              .append(cell(shorten(f.message(), 140)))
              .append(" | `")
              .append(cell(f.path()))
              .append(f.span().map(x -> ":" + x.line()).orElse(""))
              .append("` | ")
              .append(DebtModel.words(f.effortMinutes()))
              .append(" |\n");
        }
        b.append("\n");
      }
    }
    if (!r.fixFirst().isEmpty()) {
      long total =
          r.fixFirst().stream().mapToLong(x -> x.finding().finding().effortMinutes()).sum();
      b.append("### Fix first (")
          .append(DebtModel.words(total))
          .append(")\n\n| finding | why first | fix |\n| --- | --- | --- |\n");
      for (DebtReport.FixFirst x : r.fixFirst()) {
        Finding f = x.finding().finding();
        b.append("| ")
            .append(f.code())
            .append(" ")
            .append(cell(shorten(f.message(), 120)))
            .append(" | ")
            .append(cell(x.why()))
            .append(" | ")
            .append(DebtModel.words(f.effortMinutes()))
            .append(" |\n");
      }
      b.append("\n");
    }
    b.append("### Risks by family\n\n| family | debt | findings | if it is not paid |\n")
        .append("| --- | --- | --- | --- |\n");
    for (DebtReport.Family f : r.byFamily()) {
      b.append("| ")
          .append(f.name())
          .append(" | ")
          .append(DebtModel.words(f.minutes()))
          .append(" | ")
          .append(f.findings())
          .append(" | ")
          .append(cell(f.risk()))
          .append(" |\n");
    }
    b.append("\n");
    if (!r.hotspots().isEmpty()) {
      b.append("### Hotspots (last ")
          .append(r.windowMonths())
          .append(" months)\n\n| where | changes | complexity | debt | score |")
          .append(r.measured() ? " tested |\n" : "\n")
          .append("| --- | ---: | ---: | ---: | ---: |")
          .append(r.measured() ? " ---: |\n" : "\n");
      r.hotspots().stream()
          .limit(10)
          .forEach(
              h ->
                  b.append("| `")
                      .append(cell(h.path()))
                      .append(h.name() == null ? "" : " " + cell(h.name()))
                      .append("` | ")
                      .append(h.changes())
                      .append(" | ")
                      .append(h.complexity())
                      .append(" | ")
                      .append(DebtModel.words(h.debtMinutes()))
                      .append(" | ")
                      .append(h.score())
                      .append(" |")
                      .append(r.measured() ? " " + tested(h) + " |\n" : "\n"));
      b.append("\n");
    }
    if (r.trend().size() > 1) {
      DebtReport.Point first = r.trend().get(0);
      DebtReport.Point last = r.trend().get(r.trend().size() - 1);
      b.append("Trend over ")
          .append(r.trend().size())
          .append(" commits: debt ")
          .append(DebtModel.words(first.debtMinutes()))
          .append(" → ")
          .append(DebtModel.words(last.debtMinutes()))
          .append(", rating ")
          .append(first.rating())
          .append(" → ")
          .append(last.rating())
          .append(".\n\n");
    }
    b.append("<sub>Keel ")
        .append(r.version())
        .append(": debt is SQALE remediation minutes; ratio = debt ÷ (")
        .append((long) r.costPerLine())
        .append(" min × lines of code); rating A ≤ 5% < B ≤ 10% < C ≤ 20% < D ≤ 50% < E.</sub>\n");
    String text = b.toString();
    if (text.length() > LIMIT) {
      text = text.substring(0, LIMIT) + "\n\n… (cut to fit 64 KB)\n";
    }
    out.print(text);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** Text safe in a table cell: no pipes, no line breaks, no HTML. */
  static String cell(String s) {
    return s.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replaceAll("[\\r\\n]+", " ");
  }

  /** "67%", or "-" where coverage.py's data does not describe the hotspot as it is now. */
  static String tested(DebtReport.Hotspot h) {
    return h.coverage().isPresent() ? Math.round(h.coverage().getAsDouble()) + "%" : "-";
  }
}
