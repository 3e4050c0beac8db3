package dev.keel.debt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.keel.finding.Finding;
import dev.keel.judge.JudgedFinding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The report's JSON contract (README, "keel report"): {@code debt}, {@code reliability}, {@code
 * security}, {@code hotspots} (best first), {@code fix_first}, {@code trend} (oldest first) and,
 * with {@code --since}, {@code since}. With coverage.py's data each hotspot has {@code coverage}:
 * the percentage of its statements the tests ran, or null where the data does not describe it as it
 * is now. Field names are stable; new fields may be added.
 */
public final class DebtJson {
  private DebtJson() {}

  public static void write(DebtReport r, PrintWriter out) {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("version", r.version());
      g.writeStringField("project", r.project());
      g.writeStringField("commit", r.commit().orElse(null));
      g.writeStringField("date", r.date().map(Object::toString).orElse(null));
      g.writeObjectFieldStart("debt");
      g.writeNumberField("minutes", r.minutes());
      g.writeNumberField("ratio", Math.round(r.ratio() * 1_000_000) / 1_000_000.0);
      g.writeStringField("rating", String.valueOf(r.rating()));
      g.writeNumberField("lines_of_code", r.linesOfCode());
      g.writeNumberField("cost_per_line_minutes", r.costPerLine());
      g.writeNumberField("findings", r.findings());
      g.writeArrayFieldStart("by_family");
      for (DebtReport.Family f : r.byFamily()) {
        g.writeStartObject();
        g.writeStringField("family", f.prefix());
        g.writeStringField("name", f.name());
        g.writeNumberField("minutes", f.minutes());
        g.writeNumberField("findings", f.findings());
        g.writeStringField("worst", f.worst() == null ? null : f.worst().label());
        g.writeStringField("risk", f.risk());
        g.writeEndObject();
      }
      g.writeEndArray();
      buckets(g, "by_package", r.byPackage());
      buckets(g, "by_module", r.byModule());
      g.writeEndObject();
      rating(g, "reliability", r.reliability());
      rating(g, "security", r.security());
      g.writeArrayFieldStart("hotspots");
      for (DebtReport.Hotspot h : r.hotspots()) {
        g.writeStartObject();
        g.writeStringField("path", h.path());
        g.writeStringField("name", h.name());
        g.writeNumberField("changes", h.changes());
        g.writeNumberField("authors", h.authors());
        g.writeNumberField("complexity", h.complexity());
        g.writeNumberField("debt_minutes", h.debtMinutes());
        g.writeNumberField("score", h.score());
        if (r.measured()) {
          if (h.coverage().isPresent()) {
            g.writeNumberField("coverage", Math.round(h.coverage().getAsDouble() * 10) / 10.0);
          } else {
            g.writeNullField("coverage");
          }
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("fix_first");
      for (DebtReport.FixFirst x : r.fixFirst()) {
        g.writeStartObject();
        finding(g, x.finding());
        g.writeStringField("symbol", x.symbol().isEmpty() ? null : x.symbol());
        g.writeNumberField("score", x.score());
        g.writeStringField("why", x.why());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("window_months", r.windowMonths());
      g.writeArrayFieldStart("trend");
      for (DebtReport.Point p : r.trend()) {
        g.writeStartObject();
        g.writeStringField("commit", p.commit());
        g.writeStringField("date", p.date().toString());
        g.writeNumberField("findings", p.findings());
        g.writeNumberField("debt_minutes", p.debtMinutes());
        g.writeNumberField("lines", p.lines());
        g.writeStringField("rating", String.valueOf(p.rating()));
        g.writeEndObject();
      }
      g.writeEndArray();
      if (r.since().isPresent()) {
        DebtReport.Since s = r.since().get();
        g.writeObjectFieldStart("since");
        g.writeStringField("ref", s.ref());
        g.writeStringField("commit", s.commit());
        g.writeNumberField("added_minutes", s.minutes());
        g.writeNumberField("existing", s.existing());
        g.writeArrayFieldStart("findings");
        for (JudgedFinding j : s.added()) {
          g.writeStartObject();
          finding(g, j);
          g.writeStringField("status", j.change().map(c -> c.label()).orElse("new"));
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }

  private static void finding(JsonGenerator g, JudgedFinding j) throws IOException {
    Finding f = j.finding();
    g.writeStringField("code", f.code());
    g.writeStringField("severity", f.severity().label());
    g.writeStringField("message", f.message());
    g.writeStringField("path", f.path());
    if (f.span().isPresent()) {
      g.writeNumberField("line", f.span().get().line());
    } else {
      g.writeNullField("line");
    }
    g.writeNumberField("effort_minutes", f.effortMinutes());
  }

  private static void buckets(JsonGenerator g, String name, java.util.List<DebtReport.Bucket> bs)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (DebtReport.Bucket b : bs) {
      g.writeStartObject();
      g.writeStringField("name", b.name());
      g.writeNumberField("minutes", b.minutes());
      g.writeNumberField("findings", b.findings());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void rating(JsonGenerator g, String name, DebtReport.Rating r) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("rating", String.valueOf(r.rating()));
    g.writeStringField("worst", r.worst().map(s -> s.label()).orElse(null));
    g.writeNumberField("findings", r.findings());
    g.writeEndObject();
  }
}
