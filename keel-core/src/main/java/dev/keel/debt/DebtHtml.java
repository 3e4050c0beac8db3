package dev.keel.debt;

import dev.keel.finding.Finding;
import dev.keel.judge.JudgedFinding;
import dev.keel.rule.RuleDescriptor;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page: CSS, script and SVG charts inline, nothing loaded from the network,
 * every figure readable with JavaScript off (the script only sorts and filters tables).
 */
public final class DebtHtml {
  /** Rows of the findings table; the rest are counted, not listed. */
  static final int MAX_FINDINGS = 3000;

  private static final String DOCS = "https://github.com/keel-dev/keel/blob/main/docs/rules/";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private DebtHtml() {}

  public static void write(DebtReport r, PrintWriter out) {
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    b.append("<title>Keel debt report: ").append(esc(r.project())).append("</title>");
    b.append("<style>").append(CSS).append("</style></head><body>\n");
    b.append("<header><h1>Technical debt: ")
        .append(esc(r.project()))
        .append("</h1><p class=\"meta\">");
    r.commit()
        .ifPresent(
            c ->
                b.append("commit <code>")
                    .append(esc(c.substring(0, Math.min(12, c.length()))))
                    .append("</code> · "));
    r.date().ifPresent(d -> b.append(DAY.format(d)).append(" · "));
    b.append("Keel ").append(esc(r.version())).append("</p></header>\n<main>\n");

    cards(r, b);
    summary(r, b);
    r.since().ifPresent(s -> since(s, b));
    fixFirst(r, b);
    families(r, b);
    trend(r, b);
    hotspots(r, b);
    packages(r, b);
    findings(r, b);
    rules(r, b);
    method(r, b);
    b.append("</main><script>").append(JS).append("</script></body></html>\n");
    out.print(b);
  }

  private static void cards(DebtReport r, StringBuilder b) {
    b.append("<section class=\"cards\">");
    card(
        b,
        "Maintainability",
        String.valueOf(r.rating()),
        "rating-" + r.rating(),
        DebtModel.percent(r.ratio()) + " debt ratio");
    card(b, "Debt", DebtModel.words(r.minutes()), "", r.findings() + " findings");
    card(
        b,
        "Reliability",
        String.valueOf(r.reliability().rating()),
        "rating-" + r.reliability().rating(),
        r.reliability().findings()
            + " findings"
            + r.reliability().worst().map(s -> ", worst " + s.label()).orElse(""));
    card(
        b,
        "Security",
        String.valueOf(r.security().rating()),
        "rating-" + r.security().rating(),
        r.security().findings()
            + " findings"
            + r.security().worst().map(s -> ", worst " + s.label()).orElse(""));
    card(
        b,
        "Lines of code",
        String.format(Locale.ROOT, "%,d", r.linesOfCode()),
        "",
        "worth " + DebtModel.words(Math.round(r.costPerLine() * r.linesOfCode())) + " to write");
    b.append("</section>\n");
  }

  private static void card(StringBuilder b, String title, String value, String cls, String note) {
    b.append("<div class=\"card\"><div class=\"card-title\">")
        .append(esc(title))
        .append("</div><div class=\"card-value ")
        .append(cls)
        .append("\">")
        .append(esc(value))
        .append("</div><div class=\"card-note\">")
        .append(esc(note))
        .append("</div></div>");
  }

  private static void summary(DebtReport r, StringBuilder b) {
    b.append("<section><h2>In short</h2><p>");
    b.append("Fixing everything Keel found would take <strong>")
        .append(esc(DebtModel.words(r.minutes())))
        .append("</strong> (8-hour days): ")
        .append(esc(DebtModel.percent(r.ratio())))
        .append(" of what writing this code cost, which rates <strong>")
        .append(r.rating())
        .append("</strong> on SonarQube's scale. ");
    if (!r.byFamily().isEmpty()) {
      DebtReport.Family top = r.byFamily().get(0);
      b.append("Most of it is ")
          .append(esc(top.name().toLowerCase(Locale.ROOT)))
          .append(" (")
          .append(esc(DebtModel.words(top.minutes())))
          .append("): ")
          .append(esc(top.risk()))
          .append(" ");
    }
    if (!r.fixFirst().isEmpty()) {
      long m = r.fixFirst().stream().mapToLong(x -> x.finding().finding().effortMinutes()).sum();
      b.append("Start with the ")
          .append(r.fixFirst().size())
          .append(" items below (")
          .append(esc(DebtModel.words(m)))
          .append(
              r.history()
                  ? "): they sit in the code that changes most, so they slow the team down every week they stay."
                  : ").");
    }
    b.append("</p>");
    r.lastChange().ifPresent(c -> b.append("<p>").append(esc(c)).append("</p>"));
    b.append("</section>\n");
  }

  private static void since(DebtReport.Since s, StringBuilder b) {
    b.append("<section id=\"since\"><h2>This change (since ")
        .append(esc(s.ref()))
        .append(")</h2><p>");
    b.append(s.added().size())
        .append(" new or worsened findings, ")
        .append(esc(DebtModel.words(s.minutes())))
        .append(" of debt added; ")
        .append(s.existing())
        .append(" findings were there already.</p>");
    findingTable(b, "since-table", s.added(), true);
    b.append("</section>\n");
  }

  private static void fixFirst(DebtReport r, StringBuilder b) {
    if (r.fixFirst().isEmpty()) {
      return;
    }
    b.append("<section id=\"fix-first\"><h2>What to do first</h2>");
    b.append("<table class=\"sortable\" id=\"fix-table\"><thead><tr><th>#</th><th>finding</th>")
        .append("<th>why first</th><th data-type=\"num\">fix</th></tr></thead><tbody>");
    int i = 1;
    for (DebtReport.FixFirst x : r.fixFirst()) {
      Finding f = x.finding().finding();
      b.append("<tr><td data-value=\"")
          .append(i)
          .append("\">")
          .append(i++)
          .append("</td><td>")
          .append(rule(f.code()))
          .append(" ")
          .append(esc(f.message()))
          .append("</td><td>")
          .append(esc(x.why()))
          .append("</td><td data-value=\"")
          .append(f.effortMinutes())
          .append("\">")
          .append(esc(DebtModel.words(f.effortMinutes())))
          .append("</td></tr>");
    }
    b.append("</tbody></table></section>\n");
  }

  private static void families(DebtReport r, StringBuilder b) {
    b.append("<section id=\"families\"><h2>Risks, and what they cost</h2>");
    long max = r.byFamily().stream().mapToLong(DebtReport.Family::minutes).max().orElse(1);
    int h = 26 * r.byFamily().size() + 10;
    b.append("<svg id=\"chart-family\" class=\"chart\" viewBox=\"0 0 720 ")
        .append(h)
        .append("\" role=\"img\" aria-label=\"debt by family\">");
    int y = 5;
    for (DebtReport.Family f : r.byFamily()) {
      double w = 460.0 * f.minutes() / Math.max(1, max);
      b.append("<text x=\"0\" y=\"")
          .append(y + 15)
          .append("\" class=\"label\">")
          .append(esc(f.name()))
          .append("</text>");
      b.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar\" x=\"180\" y=\"%d\" width=\"%.1f\" height=\"20\"><title>%s: %s</title></rect>",
              y,
              Math.max(1, w),
              esc(f.name()),
              esc(DebtModel.words(f.minutes()))));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" class=\"value\">%s</text>",
              186 + w,
              y + 15,
              esc(DebtModel.words(f.minutes()))));
      y += 26;
    }
    b.append("</svg>");
    b.append("<table class=\"sortable\" id=\"family-table\"><thead><tr><th>family</th>")
        .append("<th data-type=\"num\">debt</th><th data-type=\"num\">findings</th><th>worst</th>")
        .append("<th>if it is not paid</th></tr></thead><tbody>");
    for (DebtReport.Family f : r.byFamily()) {
      b.append("<tr><td>")
          .append(esc(f.name()))
          .append("</td><td data-value=\"")
          .append(f.minutes())
          .append("\">")
          .append(esc(DebtModel.words(f.minutes())))
          .append("</td><td>")
          .append(f.findings())
          .append("</td><td>")
          .append(f.worst() == null ? "" : f.worst().label())
          .append("</td><td>")
          .append(esc(f.risk()))
          .append("</td></tr>");
    }
    b.append("</tbody></table></section>\n");
  }

  private static void trend(DebtReport r, StringBuilder b) {
    b.append("<section id=\"trend\"><h2>Trend</h2>");
    List<DebtReport.Point> ps = r.trend();
    if (ps.isEmpty()) {
      b.append(
          "<p>No history: the project is not in a git repository with commits.</p></section>\n");
      return;
    }
    long max = ps.stream().mapToLong(DebtReport.Point::debtMinutes).max().orElse(1);
    max = Math.max(1, max);
    int width = 720;
    int height = 240;
    b.append("<svg id=\"chart-trend\" class=\"chart\" viewBox=\"0 0 ")
        .append(width)
        .append(" ")
        .append(height + 30)
        .append("\" role=\"img\" aria-label=\"debt over time\">");
    b.append("<line class=\"axis\" x1=\"50\" y1=\"")
        .append(height)
        .append("\" x2=\"")
        .append(width - 10)
        .append("\" y2=\"")
        .append(height)
        .append("\"/>");
    b.append("<text class=\"label\" x=\"0\" y=\"20\">")
        .append(esc(DebtModel.words(max)))
        .append("</text>");
    StringBuilder line = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < ps.size(); i++) {
      DebtReport.Point p = ps.get(i);
      double x =
          ps.size() == 1 ? (width + 40) / 2.0 : 50 + (width - 70) * i / (double) (ps.size() - 1);
      double y = height - (height - 30) * p.debtMinutes() / (double) max;
      line.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
      dots.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"dot rating-fill-%c\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%s %s: %s debt, %d findings, rating %c</title></circle>",
              p.rating(),
              x,
              y,
              esc(p.commit().substring(0, Math.min(10, p.commit().length()))),
              DAY.format(p.date()),
              esc(DebtModel.words(p.debtMinutes())),
              p.findings(),
              p.rating()));
    }
    b.append("<path class=\"trend-line\" d=\"").append(line.toString().strip()).append("\"/>");
    b.append(dots);
    b.append("<text class=\"label\" x=\"50\" y=\"")
        .append(height + 20)
        .append("\">")
        .append(DAY.format(ps.get(0).date()))
        .append("</text>");
    b.append("<text class=\"label\" text-anchor=\"end\" x=\"")
        .append(width - 10)
        .append("\" y=\"")
        .append(height + 20)
        .append("\">")
        .append(DAY.format(ps.get(ps.size() - 1).date()))
        .append("</text>");
    b.append("</svg>");
    b.append("<table class=\"sortable\" id=\"trend-table\"><thead><tr><th>date</th><th>commit</th>")
        .append("<th data-type=\"num\">debt</th><th data-type=\"num\">findings</th>")
        .append("<th data-type=\"num\">lines of code</th><th>rating</th></tr></thead><tbody>");
    for (DebtReport.Point p : ps) {
      b.append("<tr><td>")
          .append(DAY.format(p.date()))
          .append("</td><td><code>")
          .append(esc(p.commit().substring(0, Math.min(10, p.commit().length()))))
          .append("</code></td><td data-value=\"")
          .append(p.debtMinutes())
          .append("\">")
          .append(esc(DebtModel.words(p.debtMinutes())))
          .append("</td><td>")
          .append(p.findings())
          .append("</td><td>")
          .append(p.lines())
          .append("</td><td>")
          .append(p.rating())
          .append("</td></tr>");
    }
    b.append("</tbody></table></section>\n");
  }

  private static void hotspots(DebtReport r, StringBuilder b) {
    b.append("<section id=\"hotspots\"><h2>Hotspots</h2>");
    if (r.hotspots().isEmpty()) {
      b.append("<p>")
          .append(
              r.history()
                  ? "No file changed in the last " + r.windowMonths() + " months."
                  : "No history to find hotspots in.")
          .append("</p></section>\n");
      return;
    }
    b.append(
            "<p>Where the code changes most often and is most complex (score = changes in the last ")
        .append(r.windowMonths())
        .append(" months × cyclomatic complexity). Debt here is paid again with every change.</p>");
    List<DebtReport.Hotspot> top = r.hotspots().stream().limit(15).toList();
    long max = Math.max(1, top.stream().mapToLong(DebtReport.Hotspot::score).max().orElse(1));
    b.append("<svg id=\"chart-hotspots\" class=\"chart\" viewBox=\"0 0 720 ")
        .append(24 * top.size() + 10)
        .append("\" role=\"img\" aria-label=\"hotspots\">");
    int y = 5;
    for (DebtReport.Hotspot h : top) {
      String name = h.name() == null ? h.path() : h.path() + " " + h.name();
      double w = 330.0 * h.score() / max;
      b.append("<text x=\"0\" y=\"")
          .append(y + 14)
          .append("\" class=\"label\">")
          .append(esc(shorten(name, 48)))
          .append("</text>");
      b.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar hot\" x=\"330\" y=\"%d\" width=\"%.1f\" height=\"18\"><title>%s: %d changes × complexity %d</title></rect>",
              y,
              Math.max(1, w),
              esc(name),
              h.changes(),
              h.complexity()));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" class=\"value\">%d</text>",
              336 + w,
              y + 14,
              h.score()));
      y += 24;
    }
    b.append("</svg>");
    b.append(
        "<p><label>Filter <input type=\"search\" data-filter=\"hotspot-table\" placeholder=\"path or name\"></label></p>");
    b.append(
            "<table class=\"sortable\" id=\"hotspot-table\"><thead><tr><th>file</th><th>function</th>")
        .append(
            "<th data-type=\"num\">changes</th><th data-type=\"num\">people</th><th data-type=\"num\">complexity</th>")
        .append(
            "<th data-type=\"num\">debt</th><th data-type=\"num\">score</th>"
                + (r.measured() ? "<th data-type=\"num\">tested</th>" : "")
                + "</tr></thead><tbody>");
    for (DebtReport.Hotspot h : r.hotspots()) {
      b.append("<tr><td>")
          .append(esc(h.path()))
          .append("</td><td>")
          .append(h.name() == null ? "(whole file)" : esc(h.name()))
          .append("</td><td>")
          .append(h.changes())
          .append("</td><td>")
          .append(h.authors())
          .append("</td><td>")
          .append(h.complexity())
          .append("</td><td data-value=\"")
          .append(h.debtMinutes())
          .append("\">")
          .append(esc(DebtModel.words(h.debtMinutes())))
          .append("</td><td>")
          .append(h.score())
          .append("</td>");
      if (r.measured()) {
        b.append("<td data-value=\"")
            .append(h.coverage().isPresent() ? Math.round(h.coverage().getAsDouble()) : -1)
            .append("\">")
            .append(esc(DebtMarkdown.tested(h)))
            .append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table></section>\n");
  }

  private static void packages(DebtReport r, StringBuilder b) {
    b.append("<section id=\"packages\"><h2>Debt by package</h2>");
    b.append("<table class=\"sortable\" id=\"package-table\"><thead><tr><th>package (folder)</th>")
        .append(
            "<th data-type=\"num\">debt</th><th data-type=\"num\">findings</th></tr></thead><tbody>");
    for (DebtReport.Bucket p : r.byPackage()) {
      b.append("<tr><td>")
          .append(esc(p.name()))
          .append("</td><td data-value=\"")
          .append(p.minutes())
          .append("\">")
          .append(esc(DebtModel.words(p.minutes())))
          .append("</td><td>")
          .append(p.findings())
          .append("</td></tr>");
    }
    b.append("</tbody></table></section>\n");
  }

  private static void findings(DebtReport r, StringBuilder b) {
    b.append("<section id=\"findings\"><h2>All findings</h2>");
    b.append(
        "<p><label>Filter <input type=\"search\" data-filter=\"finding-table\" placeholder=\"code, path or text\"></label></p>");
    findingTable(b, "finding-table", r.all(), false);
    if (r.all().size() > MAX_FINDINGS) {
      b.append("<p>… and ")
          .append(r.all().size() - MAX_FINDINGS)
          .append(" more (keel check --format json lists them all).</p>");
    }
    b.append("</section>\n");
  }

  private static void findingTable(
      StringBuilder b, String id, List<JudgedFinding> list, boolean status) {
    b.append("<table class=\"sortable\" id=\"").append(id).append("\"><thead><tr>");
    if (status) {
      b.append("<th>status</th>");
    }
    b.append(
        "<th>code</th><th>severity</th><th>where</th><th>message</th><th data-type=\"num\">fix</th></tr></thead><tbody>");
    int n = 0;
    for (JudgedFinding j : list) {
      if (n++ == MAX_FINDINGS) {
        break;
      }
      Finding f = j.finding();
      b.append("<tr>");
      if (status) {
        b.append("<td>").append(j.change().map(c -> c.label()).orElse("new")).append("</td>");
      }
      b.append("<td>")
          .append(rule(f.code()))
          .append("</td><td>")
          .append(f.severity().label())
          .append("</td><td>")
          .append(esc(f.path()))
          .append(f.span().map(s -> ":" + s.line()).orElse(""))
          .append("</td><td>")
          .append(esc(f.message()))
          .append("</td><td data-value=\"")
          .append(f.effortMinutes())
          .append("\">")
          .append(esc(DebtModel.words(f.effortMinutes())))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
  }

  private static void rules(DebtReport r, StringBuilder b) {
    java.util.Set<String> used = new java.util.TreeSet<>();
    r.all().forEach(j -> used.add(j.finding().code()));
    Map<String, RuleDescriptor> byCode = r.rulesByCode();
    b.append("<section id=\"rules\"><h2>The rules behind these findings</h2><dl>");
    for (String code : used) {
      RuleDescriptor d = byCode.get(code);
      if (d == null) {
        continue;
      }
      b.append("<dt id=\"rule-")
          .append(code)
          .append("\"><a href=\"")
          .append(DOCS)
          .append(code)
          .append(".md\">")
          .append(code)
          .append(" ")
          .append(esc(d.name()))
          .append("</a> · ")
          .append(esc(DebtModel.words(d.effortMinutes())))
          .append(" each</dt><dd>")
          .append(esc(d.summary()))
          .append("</dd>");
    }
    b.append("</dl></section>\n");
  }

  private static void method(DebtReport r, StringBuilder b) {
    b.append("<section id=\"method\"><h2>How these figures are made</h2><p>")
        .append(
            "Each finding costs its rule's remediation effort in minutes (SQALE, as SonarQube counts it). ")
        .append("The debt ratio is the debt divided by the cost of writing the code: ")
        .append((long) r.costPerLine())
        .append(" minutes per line of code (non-blank, non-comment lines). ")
        .append(
            "Maintainability rating: A up to 5%, B up to 10%, C up to 20%, D up to 50%, E above. ")
        .append(
            "Reliability and security ratings follow the worst open finding of those families: A none, B info, C warning, D error. ")
        .append(
            "Hotspots count the commits (merges left out) that touched each file and each function's lines in the last ")
        .append(r.windowMonths())
        .append(" months. A day is 8 hours.</p></section>\n");
  }

  private static String rule(String code) {
    return "<a class=\"code\" href=\"#rule-" + code + "\">" + code + "</a>";
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : "…" + s.substring(s.length() - max + 1);
  }

  static String esc(String s) {
    StringBuilder o = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> o.append("&lt;");
        case '>' -> o.append("&gt;");
        case '&' -> o.append("&amp;");
        case '"' -> o.append("&quot;");
        case '\'' -> o.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            o.append("\\x").append(String.format(Locale.ROOT, "%02x", (int) c));
          } else {
            o.append(c);
          }
        }
      }
    }
    return o.toString();
  }

  private static final String CSS =
      """
      body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d232b;background:#f6f7f9}
      header{background:#1d2a3a;color:#fff;padding:18px 32px}header h1{margin:0;font-size:24px}
      .meta{margin:4px 0 0;opacity:.8}main{max-width:1100px;margin:0 auto;padding:16px 32px 48px}
      section{background:#fff;border-radius:8px;padding:16px 20px;margin:16px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
      h2{font-size:18px;margin:0 0 10px}.cards{display:flex;gap:12px;flex-wrap:wrap;background:none;box-shadow:none;padding:0}
      .card{flex:1;min-width:150px;background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
      .card-title{font-size:13px;color:#5b6675;text-transform:uppercase;letter-spacing:.04em}
      .card-value{font-size:30px;font-weight:700}.card-note{font-size:13px;color:#5b6675}
      .rating-A{color:#1b8a3a}.rating-B{color:#6aa531}.rating-C{color:#c7a200}.rating-D{color:#d9731a}.rating-E{color:#c62828}
      table{border-collapse:collapse;width:100%;font-size:14px;margin-top:8px}
      th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e4e7eb;vertical-align:top}
      th{background:#eef1f4;cursor:pointer;user-select:none;white-space:nowrap}
      th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}
      .chart{width:100%;max-width:720px;display:block;margin:8px 0}
      .bar{fill:#3d6fb6}.bar.hot{fill:#d9731a}.label,.value{font-size:12px;fill:#1d232b}
      .axis{stroke:#9aa5b1}.trend-line{fill:none;stroke:#3d6fb6;stroke-width:2}
      .dot{stroke:#fff;stroke-width:1}.rating-fill-A{fill:#1b8a3a}.rating-fill-B{fill:#6aa531}
      .rating-fill-C{fill:#c7a200}.rating-fill-D{fill:#d9731a}.rating-fill-E{fill:#c62828}
      a.code{font-family:ui-monospace,monospace;color:#2457a6;text-decoration:none}
      code{font-family:ui-monospace,monospace}input[type=search]{padding:4px 8px;min-width:260px}
      dt{font-weight:600;margin-top:8px}dd{margin:2px 0 0 0;color:#444}
      """;

  private static final String JS =
      """
      (function(){
        function value(td, num){
          var v = td.getAttribute('data-value');
          if (v === null) { v = td.textContent.trim(); }
          return num ? parseFloat(v) || 0 : v.toLowerCase();
        }
        document.querySelectorAll('table.sortable').forEach(function(table){
          var heads = table.querySelectorAll('th');
          heads.forEach(function(th, i){
            th.addEventListener('click', function(){
              var num = th.getAttribute('data-type') === 'num';
              var asc = !th.classList.contains('asc');
              heads.forEach(function(h){ h.classList.remove('asc', 'desc'); });
              th.classList.add(asc ? 'asc' : 'desc');
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function(a, b){
                var x = value(a.cells[i], num), y = value(b.cells[i], num);
                var c = x < y ? -1 : x > y ? 1 : 0;
                return asc ? c : -c;
              });
              rows.forEach(function(r){ body.appendChild(r); });
            });
          });
        });
        document.querySelectorAll('input[data-filter]').forEach(function(input){
          var table = document.getElementById(input.getAttribute('data-filter'));
          input.addEventListener('input', function(){
            var q = input.value.toLowerCase();
            Array.prototype.forEach.call(table.tBodies[0].rows, function(r){
              r.style.display = r.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
            });
          });
        });
      })();
      """;
}
