package dev.keel.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.keel.finding.Finding;
import dev.keel.finding.NotebookCell;
import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.judge.JudgedFinding;
import dev.keel.rule.RuleDescriptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning services: one run, the rules that ran as the driver's rules, one
 * result per finding with a partial fingerprint (so services track it across commits) and a
 * baseline state. Paths are relative to {@code %SRCROOT%}, the project root.
 */
final class SarifReporter implements Reporter {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String HOME = "https://github.com/keel-dev/keel";

  @Override
  public void write(Report result, PrintWriter out) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < result.rules().size(); i++) {
      index.put(result.rules().get(i).code(), i);
    }
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      writeTool(result, g);
      g.writeObjectFieldStart("originalUriBaseIds");
      g.writeObjectFieldStart("%SRCROOT%");
      String root = result.root().toUri().toString();
      g.writeStringField("uri", root.endsWith("/") ? root : root + "/");
      g.writeEndObject();
      g.writeEndObject();
      g.writeStringField("columnKind", "unicodeCodePoints");
      g.writeArrayFieldStart("results");
      for (JudgedFinding j : result.findings()) {
        writeResult(j, index, g);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }

  private static void writeTool(Report result, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "Keel");
    g.writeStringField("semanticVersion", result.version());
    g.writeStringField("informationUri", HOME);
    g.writeArrayFieldStart("rules");
    for (RuleDescriptor r : result.rules()) {
      g.writeStartObject();
      g.writeStringField("id", r.code());
      g.writeStringField("name", r.name());
      g.writeObjectFieldStart("shortDescription");
      g.writeStringField("text", r.summary());
      g.writeEndObject();
      g.writeObjectFieldStart("help");
      g.writeStringField("text", r.documentation());
      g.writeStringField("markdown", r.documentation());
      g.writeEndObject();
      g.writeObjectFieldStart("defaultConfiguration");
      g.writeStringField("level", level(r.severity()));
      g.writeEndObject();
      g.writeObjectFieldStart("properties");
      g.writeNumberField("effortMinutes", r.effortMinutes());
      g.writeArrayFieldStart("tags");
      g.writeString(r.family());
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeResult(JudgedFinding j, Map<String, Integer> index, JsonGenerator g)
      throws IOException {
    Finding f = j.finding();
    g.writeStartObject();
    g.writeStringField("ruleId", f.code());
    Integer i = index.get(f.code());
    if (i != null) {
      g.writeNumberField("ruleIndex", i);
    }
    g.writeStringField("level", level(f.severity()));
    g.writeObjectFieldStart("message");
    g.writeStringField("text", f.message());
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", uriOf(f.path()));
    g.writeStringField("uriBaseId", "%SRCROOT%");
    g.writeEndObject();
    if (f.span().isPresent() && f.cell().isPresent()) {
      // The region is the line of the .ipynb file that holds the cell's line; where in the cell
      // is in the result's properties.
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", f.cell().get().notebookLine());
      g.writeEndObject();
    } else if (f.span().isPresent()) {
      Span s = f.span().get();
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", s.line());
      g.writeNumberField("startColumn", s.column());
      g.writeNumberField("endLine", s.endLine());
      g.writeNumberField("endColumn", s.endColumn());
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField("keel/v1", j.fingerprint());
    g.writeEndObject();
    g.writeStringField(
        "baselineState",
        j.baselined() ? "unchanged" : j.change().map(c -> c.sarifState()).orElse("new"));
    g.writeObjectFieldStart("properties");
    g.writeNumberField("effortMinutes", f.effortMinutes());
    if (f.span().isPresent() && f.cell().isPresent()) {
      NotebookCell c = f.cell().get();
      g.writeNumberField("notebookCell", c.index());
      if (c.id().isPresent()) {
        g.writeStringField("notebookCellId", c.id().get());
      }
      g.writeNumberField("cellLine", c.line());
      g.writeNumberField("cellColumn", c.column());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * A relative path as a URI reference: every byte but unreserved characters and {@code /}
   * percent-encoded, so a space, a {@code #} or a control character in a file name cannot make the
   * URI invalid or point somewhere else.
   */
  static String uriOf(String path) {
    StringBuilder b = new StringBuilder(path.length());
    for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '/') {
        b.append((char) c);
      } else {
        b.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
      }
    }
    return b.toString();
  }

  private static final String HEX = "0123456789ABCDEF";

  private static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
