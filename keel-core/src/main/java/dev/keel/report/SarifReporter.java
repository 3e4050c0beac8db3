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
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SARIF 2.1.0 for code-scanning services, following GitHub's profile ("SARIF support for code
 * scanning"): one run with a {@code runAutomationDetails.id}; the rules that ran as the driver's
 * rules, each with short and full descriptions, help as text and Markdown (the rule's doc), tags,
 * precision, problem severity and, for security rules, a {@code security-severity}; one result per
 * finding with a region (start and end), GitHub's {@code primaryLocationLineHash} and Keel's own
 * fingerprint (so services track it across commits), and a baseline state. Paths are relative to
 * {@code %SRCROOT%}, the project root, and always name a file that exists: a finding about a file
 * that is missing (no README, no pyproject.toml) or about a folder points at the project file that
 * holds the fix, its message naming the missing file.
 */
final class SarifReporter implements Reporter {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String HOME = "https://github.com/keel-dev/keel";

  /** The category of Keel's analyses on a code-scanning service. */
  static final String AUTOMATION_ID = "keel/";

  /** Where a finding about a missing file points, first that exists. */
  private static final List<String> PROJECT_FILES =
      List.of(
          "pyproject.toml",
          "setup.cfg",
          "setup.py",
          "README.md",
          "README.rst",
          "README.txt",
          "README",
          "requirements.txt");

  @Override
  public void write(Report result, PrintWriter out) {
    Locations locations = new Locations(result);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < result.rules().size(); i++) {
      index.put(result.rules().get(i).code(), i);
    }
    // Findings imported from other tools (NAM/ruff/F841) have no Keel rule: each code gets a rule
    // entry of its own, after Keel's, so every result names a rule.
    java.util.TreeMap<String, Severity> imported = new java.util.TreeMap<>();
    for (JudgedFinding j : result.findings()) {
      if (!index.containsKey(j.finding().code())) {
        imported.putIfAbsent(j.finding().code(), j.finding().severity());
      }
    }
    for (String code : imported.keySet()) {
      index.put(code, index.size());
    }
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      writeTool(result, imported, g);
      g.writeObjectFieldStart("automationDetails");
      g.writeStringField("id", AUTOMATION_ID);
      g.writeEndObject();
      g.writeObjectFieldStart("originalUriBaseIds");
      g.writeObjectFieldStart("%SRCROOT%");
      String root = result.root().toUri().toString();
      g.writeStringField("uri", root.endsWith("/") ? root : root + "/");
      g.writeEndObject();
      g.writeEndObject();
      g.writeStringField("columnKind", "unicodeCodePoints");
      g.writeArrayFieldStart("results");
      for (JudgedFinding j : result.findings()) {
        writeResult(j, index, locations, g);
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

  private static void writeTool(Report result, Map<String, Severity> imported, JsonGenerator g)
      throws IOException {
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
      g.writeObjectFieldStart("fullDescription");
      g.writeStringField("text", fullDescription(r));
      g.writeEndObject();
      g.writeStringField("helpUri", HOME + "/blob/main/docs/rules/" + r.code() + ".md");
      g.writeObjectFieldStart("help");
      String doc = r.documentation().isBlank() ? r.summary() : r.documentation();
      g.writeStringField("text", doc);
      g.writeStringField("markdown", doc);
      g.writeEndObject();
      g.writeObjectFieldStart("defaultConfiguration");
      g.writeStringField("level", level(r.severity()));
      g.writeEndObject();
      g.writeObjectFieldStart("properties");
      g.writeNumberField("effortMinutes", r.effortMinutes());
      g.writeArrayFieldStart("tags");
      for (String tag : tags(r.family())) {
        g.writeString(tag);
      }
      g.writeEndArray();
      g.writeStringField("precision", precision(r.family()));
      g.writeStringField("problem.severity", problemSeverity(r.severity()));
      if (r.family().equals("SEC")) {
        g.writeStringField("security-severity", securitySeverity(r.severity()));
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    for (Map.Entry<String, Severity> e : imported.entrySet()) {
      writeImportedRule(e.getKey(), e.getValue(), g);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  /** A rule entry for another tool's code ({@code FAMILY/tool/CODE}). */
  private static void writeImportedRule(String code, Severity severity, JsonGenerator g)
      throws IOException {
    String[] parts = code.split("/", 3);
    String family = parts[0];
    String tool = parts.length > 1 ? parts[1] : "another tool";
    String rule = parts.length > 2 ? parts[2] : code;
    String docs =
        tool.equals("mypy")
            ? "https://mypy.readthedocs.io/en/stable/error_code_list.html"
            : "https://docs.astral.sh/ruff/rules/";
    String text = tool + " " + rule + ", imported by keel check --import-" + tool;
    g.writeStartObject();
    g.writeStringField("id", code);
    g.writeStringField("name", tool + "-" + rule);
    g.writeObjectFieldStart("shortDescription");
    g.writeStringField("text", text);
    g.writeEndObject();
    g.writeObjectFieldStart("fullDescription");
    g.writeStringField(
        "text", text + ": found by " + tool + ", counted in Keel's " + family + " family.");
    g.writeEndObject();
    g.writeStringField("helpUri", docs);
    g.writeObjectFieldStart("help");
    g.writeStringField("text", text + ". See " + docs);
    g.writeStringField(
        "markdown", "`" + rule + "` of " + tool + ": see [its documentation](" + docs + ").");
    g.writeEndObject();
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", level(severity));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeArrayFieldStart("tags");
    for (String tag : tags(family)) {
      g.writeString(tag);
    }
    g.writeString(tool);
    g.writeEndArray();
    g.writeStringField("precision", "high");
    g.writeStringField("problem.severity", problemSeverity(severity));
    if (family.equals("SEC")) {
      g.writeStringField("security-severity", securitySeverity(severity));
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeResult(
      JudgedFinding j, Map<String, Integer> index, Locations locations, JsonGenerator g)
      throws IOException {
    Finding f = j.finding();
    String path = locations.fileFor(f.path());
    boolean moved = !path.equals(f.path());
    g.writeStartObject();
    g.writeStringField("ruleId", f.code());
    Integer i = index.get(f.code());
    if (i != null) {
      g.writeNumberField("ruleIndex", i);
    }
    g.writeStringField("level", level(f.severity()));
    g.writeObjectFieldStart("message");
    g.writeStringField(
        "text", moved ? f.message() + " (" + locations.missing(f.path()) + ")" : f.message());
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", uriOf(path));
    g.writeStringField("uriBaseId", "%SRCROOT%");
    g.writeEndObject();
    int startLine;
    g.writeObjectFieldStart("region");
    if (!moved && f.span().isPresent() && f.cell().isEmpty()) {
      Span s = f.span().get();
      startLine = s.line();
      g.writeNumberField("startLine", s.line());
      g.writeNumberField("startColumn", s.column());
      g.writeNumberField("endLine", s.endLine());
      g.writeNumberField("endColumn", s.endColumn());
    } else {
      // A notebook's finding: the line of the .ipynb file that holds the cell's line (where in the
      // cell is in the result's properties). A finding about a whole file: its first line.
      startLine = !moved && f.span().isPresent() ? f.cell().get().notebookLine() : 1;
      g.writeNumberField("startLine", startLine);
      g.writeNumberField("startColumn", 1);
      g.writeNumberField("endLine", startLine);
      g.writeNumberField("endColumn", locations.lineLength(path, startLine) + 1);
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField("keel/v1", j.fingerprint());
    Optional<String> lineHash = locations.lineHash(path, startLine);
    if (lineHash.isPresent()) {
      g.writeStringField("primaryLocationLineHash", lineHash.get());
    }
    g.writeEndObject();
    g.writeStringField(
        "baselineState",
        j.baselined() ? "unchanged" : j.change().map(c -> c.sarifState()).orElse("new"));
    g.writeObjectFieldStart("properties");
    g.writeNumberField("effortMinutes", f.effortMinutes());
    if (moved) {
      g.writeStringField("keelPath", f.path());
    }
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
   * Which file a result points at, and that file's lines and line hashes, read once per file. Code
   * scanning shows a result only on a file of the repository.
   */
  private static final class Locations {
    private final Report report;
    private final Map<String, String> files = new HashMap<>();
    private final Map<String, String[]> hashes = new HashMap<>();
    private String projectFile;

    Locations(Report report) {
      this.report = report;
    }

    String fileFor(String path) {
      return files.computeIfAbsent(path, p -> isFile(p) ? p : projectFile());
    }

    private boolean isFile(String path) {
      try {
        return !path.isEmpty() && Files.isRegularFile(report.root().resolve(path));
      } catch (InvalidPathException e) {
        return false;
      }
    }

    /**
     * The file that holds the fix for what the project lacks: its manifest, else its README, else
     * the first file that has findings.
     */
    private String projectFile() {
      if (projectFile == null) {
        projectFile =
            PROJECT_FILES.stream()
                .filter(this::isFile)
                .findFirst()
                .or(
                    () ->
                        report.findings().stream()
                            .map(j -> j.finding().path())
                            .filter(this::isFile)
                            .sorted()
                            .findFirst())
                .orElse("pyproject.toml");
      }
      return projectFile;
    }

    /** Why a finding's path is not where its result points. */
    String missing(String path) {
      boolean folder;
      try {
        folder = !path.isEmpty() && Files.isDirectory(report.root().resolve(path));
      } catch (InvalidPathException e) {
        folder = false;
      }
      return folder ? "about the folder " + path : path + " does not exist";
    }

    int lineLength(String path, int line) {
      return report.sourceLines().line(path, line).map(String::length).orElse(0);
    }

    Optional<String> lineHash(String path, int line) {
      String[] h =
          hashes.computeIfAbsent(
              path, p -> report.sourceLines().fileText(p).map(LineHash::of).orElse(new String[0]));
      return line >= 1 && line <= h.length ? Optional.of(h[line - 1]) : Optional.empty();
    }
  }

  /** The "What it does" section of the rule's documentation as one paragraph of text. */
  static String fullDescription(RuleDescriptor r) {
    String doc = r.documentation();
    int start = doc.indexOf("## What it does");
    if (start < 0) {
      return r.summary();
    }
    start = doc.indexOf('\n', start);
    int end = doc.indexOf("\n## ", start);
    String text = doc.substring(start < 0 ? doc.length() : start, end < 0 ? doc.length() : end);
    text = text.replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? r.summary() : text;
  }

  private static List<String> tags(String family) {
    String area =
        switch (family) {
          case "SEC" -> "security";
          case "REL" -> "reliability";
          case "TST" -> "tests";
          case "TYP" -> "types";
          case "DEP" -> "dependencies";
          case "PRJ" -> "project-hygiene";
          case "NBK" -> "notebooks";
          case "SYN" -> "correctness";
          case "CFG" -> "configuration";
          default -> "maintainability";
        };
    return List.of(family, area);
  }

  /**
   * How often a rule's results are right, GitHub's four levels. Keel declares no precision per
   * rule; it follows from what the family reads: syntax, metrics and project files are facts;
   * names, types, dependencies and reliability patterns are exact matches with rare exceptions;
   * security, architecture, configuration and test heuristics guess at intent.
   */
  static String precision(String family) {
    return switch (family) {
      case "SYN", "CPX", "PRJ" -> "very-high";
      case "NAM", "TYP", "DEP", "REL", "NBK" -> "high";
      default -> "medium";
    };
  }

  private static String problemSeverity(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "recommendation";
    };
  }

  /** GitHub's bands: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
  private static String securitySeverity(Severity s) {
    return switch (s) {
      case ERROR -> "8.0";
      case WARNING -> "5.5";
      case INFO -> "3.0";
    };
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
