package dev.keel.imported;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.config.ConfigException;
import dev.keel.finding.Finding;
import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.judge.ForeignCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads another tool's findings. Each becomes a {@link Finding} whose code is {@code
 * FAMILY/tool/CODE} ({@code NAM/ruff/F841}, {@code TYP/mypy/arg-type}): its family prefix puts it
 * in the debt report's families, and the rest says where it came from. A file that is not the
 * tool's JSON output is a {@link ConfigException} naming the file (one line, exit 2).
 */
public final class ImportedFindings {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A file larger than this is not a tool's output for one repository. */
  private static final long MAX_BYTES = 512L * 1024 * 1024;

  /** What was read, and what of it lay outside the project. */
  public record Read(List<Finding> findings, int outside) {}

  private ImportedFindings() {}

  /** Ruff's {@code ruff check --output-format json}: one array of findings. */
  public static Read ruff(Path file, Path root) {
    JsonNode doc = parse(file, "--import-ruff");
    if (!doc.isArray()) {
      throw bad(file, "--import-ruff", "not a JSON array (ruff check --output-format json)");
    }
    List<Finding> out = new ArrayList<>();
    int outside = 0;
    for (JsonNode d : doc) {
      if (!d.isObject() || !d.path("filename").isTextual() || !d.path("location").isObject()) {
        throw bad(file, "--import-ruff", "an entry without filename and location: " + clip(d));
      }
      Optional<String> path = relative(d.get("filename").asText(), root);
      if (path.isEmpty()) {
        outside++;
        continue;
      }
      String code = d.path("code").isTextual() ? d.get("code").asText() : null;
      String family = RuffFamilies.family(code);
      int line = Math.max(1, d.at("/location/row").asInt(1));
      int column = Math.max(1, d.at("/location/column").asInt(1));
      int endLine = Math.max(line, d.at("/end_location/row").asInt(line));
      int endColumn = d.at("/end_location/column").asInt(column);
      if (endLine == line && endColumn < column) {
        endColumn = column;
      }
      boolean fixable = d.at("/fix/applicability").asText("").equals("safe");
      out.add(
          new Finding(
              family + "/ruff/" + (code == null ? "syntax-error" : code),
              RuffFamilies.severity(code, family),
              d.path("message").asText("") + (fixable ? " (ruff --fix fixes it)" : ""),
              path.get(),
              Optional.of(new Span(line, column, endLine, endColumn)),
              fixable ? 1 : RuffFamilies.effort(family)));
    }
    return new Read(out, outside);
  }

  /** mypy's {@code mypy -O json}: one JSON object per line; notes are left out. */
  public static Read mypy(Path file, Path root) {
    String text = readText(file, "--import-mypy");
    List<Finding> out = new ArrayList<>();
    int outside = 0;
    int n = 0;
    for (String raw : text.split("\n", -1)) {
      n++;
      String s = raw.strip();
      if (s.isEmpty()) {
        continue;
      }
      JsonNode d;
      try {
        d = JSON.readTree(s);
      } catch (JsonProcessingException e) {
        throw bad(
            file,
            "--import-mypy",
            "line " + n + " is not JSON (mypy -O json writes one object a line)");
      }
      if (d == null || !d.isObject() || !d.path("file").isTextual() || !d.path("line").isInt()) {
        throw bad(file, "--import-mypy", "line " + n + " has no file and line: " + clip(d));
      }
      String severity = d.path("severity").asText("error");
      if (severity.equals("note")) {
        continue;
      }
      Optional<String> path = relative(d.get("file").asText(), root);
      if (path.isEmpty()) {
        outside++;
        continue;
      }
      String code = d.path("code").isTextual() ? d.get("code").asText() : "misc";
      String family = mypyFamily(code);
      int line = Math.max(1, d.get("line").asInt());
      int column = Math.max(0, d.path("column").asInt(0)) + 1; // mypy counts from 0
      String hint = d.path("hint").isTextual() ? " (" + d.get("hint").asText().strip() + ")" : "";
      out.add(
          new Finding(
              family + "/mypy/" + code,
              family.equals("SYN") ? Severity.ERROR : Severity.WARNING,
              d.path("message").asText("") + hint,
              path.get(),
              Optional.of(new Span(line, column, line, column)),
              family.equals("DEP") ? 5 : 10));
    }
    return new Read(out, outside);
  }

  /**
   * {@code imported} without the findings Keel's own rules already made: the same file and line,
   * and a foreign code that means that Keel rule ({@code F401} and NAM001; docs/suppressions.md).
   */
  public static List<Finding> withoutDuplicates(List<Finding> imported, List<Finding> keel) {
    Map<String, List<String>> keelAt = new HashMap<>();
    for (Finding f : keel) {
      keelAt.computeIfAbsent(f.path() + ":" + f.line(), k -> new ArrayList<>()).add(f.code());
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : imported) {
      String foreign = f.code().substring(f.code().lastIndexOf('/') + 1);
      List<String> there = keelAt.getOrDefault(f.path() + ":" + f.line(), List.of());
      if (there.stream().noneMatch(k -> meansTheSame(f.code(), foreign, k))) {
        out.add(f);
      }
    }
    return out;
  }

  private static boolean meansTheSame(String code, String foreign, String keel) {
    if (code.contains("/mypy/")) {
      return switch (foreign) {
        case "name-defined" -> keel.equals("NAM002");
        case "no-untyped-def" -> keel.equals("TYP001");
        case "syntax" -> keel.startsWith("SYN");
        default -> false;
      };
    }
    return ForeignCodes.suppresses(foreign, keel);
  }

  private static String mypyFamily(String code) {
    return switch (code) {
      case "syntax" -> "SYN";
      case "name-defined", "used-before-def", "no-redef", "possibly-undefined" -> "NAM";
      case "import", "import-not-found", "import-untyped" -> "DEP";
      case "unreachable",
          "unused-coroutine",
          "unused-awaitable",
          "truthy-bool",
          "truthy-function" ->
          "REL";
      default -> "TYP";
    };
  }

  /** The path relative to the project root with {@code /}, or empty when outside it. */
  private static Optional<String> relative(String name, Path root) {
    try {
      Path p = Path.of(name);
      Path abs = (p.isAbsolute() ? p : root.resolve(p)).normalize();
      Path r = root.toAbsolutePath().normalize();
      if (!abs.startsWith(r) || abs.equals(r)) {
        return Optional.empty();
      }
      return Optional.of(r.relativize(abs).toString().replace('\\', '/'));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static JsonNode parse(Path file, String option) {
    String text = readText(file, option);
    try {
      JsonNode n = JSON.readTree(text);
      if (n == null) {
        throw bad(file, option, "it is empty");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw bad(
          file,
          option,
          "not JSON (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
    }
  }

  private static String readText(Path file, String option) {
    try {
      if (!Files.isRegularFile(file)) {
        throw bad(file, option, Files.exists(file) ? "not a regular file" : "no such file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw bad(file, option, "larger than 512 MB");
      }
      byte[] bytes = Files.readAllBytes(file);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw bad(file, option, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static ConfigException bad(Path file, String option, String why) {
    return new ConfigException(option + " " + file + ": " + why);
  }

  private static String clip(JsonNode d) {
    String s = String.valueOf(d);
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
