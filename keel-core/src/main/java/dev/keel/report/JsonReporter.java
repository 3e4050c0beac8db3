package dev.keel.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.keel.finding.Finding;
import dev.keel.finding.NotebookCell;
import dev.keel.finding.Span;
import dev.keel.judge.JudgedFinding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The JSON contract of DESIGN.md and README.md: version, root, every finding (baselined ones
 * marked) and a summary. Field names and meanings are stable; new fields may be added.
 */
final class JsonReporter implements Reporter {
  @Override
  public void write(Report result, PrintWriter out) {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("version", result.version());
      g.writeStringField("root", result.root().toString());
      g.writeArrayFieldStart("findings");
      for (JudgedFinding j : result.findings()) {
        Finding f = j.finding();
        g.writeStartObject();
        g.writeStringField("code", f.code());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("message", f.message());
        g.writeStringField("path", f.path());
        Span s = f.span().orElse(null);
        NotebookCell cell = s == null ? null : f.cell().orElse(null);
        if (cell != null) {
          // In a notebook, lines and columns are the cell's: the cell is named after them.
          int end = cell.line() + s.endLine() - s.line();
          s = new Span(cell.line(), s.column(), end, s.endColumn());
        }
        number(g, "line", s == null ? null : s.line());
        number(g, "column", s == null ? null : s.column());
        number(g, "end_line", s == null ? null : s.endLine());
        number(g, "end_column", s == null ? null : s.endColumn());
        if (cell != null) {
          g.writeNumberField("cell", cell.index());
          if (cell.id().isPresent()) {
            g.writeStringField("cell_id", cell.id().get());
          }
        }
        g.writeNumberField("effort_minutes", f.effortMinutes());
        g.writeStringField("fingerprint", j.fingerprint());
        g.writeBooleanField("baselined", j.baselined());
        if (j.change().isPresent()) {
          g.writeStringField("status", j.change().get().label());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      int fresh = result.newFindings().size();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("files", result.files());
      g.writeNumberField("lines", result.lines());
      g.writeNumberField("findings", result.findings().size());
      g.writeNumberField("new", fresh);
      g.writeNumberField("baselined", result.findings().size() - fresh);
      g.writeNumberField("debt_minutes", result.debtMinutes());
      g.writeBooleanField("fails", result.fails());
      if (result.since().isPresent()) {
        Since since = result.since().get();
        g.writeNumberField("existing", since.existing());
        g.writeStringField("since", since.ref());
        g.writeStringField("since_commit", since.commit());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }

  private static void number(JsonGenerator g, String name, Integer value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, value);
    }
  }
}
