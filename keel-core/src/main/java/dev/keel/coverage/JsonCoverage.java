package dev.keel.coverage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code coverage json}: {@code meta} (version, timestamp, and from 7.x {@code format}: 3) and
 * {@code files}, each with {@code executed_lines}, {@code missing_lines}, {@code excluded_lines},
 * optional {@code contexts} and, from coverage.py 7.6, {@code functions} and {@code classes}
 * regions of the same shape.
 */
final class JsonCoverage {
  /** The newest {@code meta.format} Keel reads; coverage.py 6.x writes none. */
  static final int NEWEST_FORMAT = 3;

  private JsonCoverage() {}

  static CoverageData read(Path file, String shown, byte[] bytes, DataPaths paths) {
    JsonNode root;
    try {
      ObjectMapper mapper = new ObjectMapper();
      mapper
          .getFactory()
          .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
      root = mapper.readTree(bytes);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new ConfigException(
          shown + " is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException("cannot read coverage data " + shown + ": " + e.getMessage());
    }
    if (root == null || !root.isObject() || !root.path("files").isObject()) {
      throw new ConfigException(
          shown + " is JSON but not coverage.py's coverage.json: it has no \"files\" object");
    }
    JsonNode meta = root.path("meta");
    if (meta.has("format")) {
      JsonNode f = meta.get("format");
      if (!f.isInt() || f.asInt() < 1 || f.asInt() > NEWEST_FORMAT) {
        throw new ConfigException(
            shown
                + ": coverage.json format "
                + f
                + " is not one Keel reads (up to "
                + NEWEST_FORMAT
                + "); write it with coverage.py 5 to 7");
      }
    }
    Optional<String> version =
        meta.path("version").isTextual()
            ? Optional.of(meta.get("version").asText())
            : Optional.empty();
    Optional<Instant> when = Optional.empty();
    if (meta.path("timestamp").isTextual()) {
      when = localTime(meta.get("timestamp").asText());
    }
    Map<String, FileCoverage> files = new HashMap<>();
    int elsewhere = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("files").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Optional<String> path = paths.map(e.getKey());
      if (path.isEmpty()) {
        elsewhere++;
        continue;
      }
      JsonNode f = e.getValue();
      String where = shown + ": files[\"" + e.getKey() + "\"]";
      SortedSet<Integer> executed = lines(f, "executed_lines", where, true);
      SortedSet<Integer> missing = lines(f, "missing_lines", where, true);
      SortedSet<Integer> excluded = lines(f, "excluded_lines", where, false);
      SortedSet<Integer> statements = new TreeSet<>(executed);
      statements.addAll(missing);
      statements.removeAll(excluded); // an excluded line that ran is among executed_lines
      Map<Integer, SortedSet<String>> contexts = new TreeMap<>();
      if (f.path("contexts").isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> c = f.get("contexts").fields(); c.hasNext(); ) {
          Map.Entry<String, JsonNode> ce = c.next();
          int line = lineNumber(ce.getKey(), where + ".contexts");
          SortedSet<String> names = new TreeSet<>();
          for (JsonNode n : ce.getValue()) {
            if (!n.asText().isEmpty()) {
              names.add(n.asText());
            }
          }
          if (!names.isEmpty()) {
            contexts.put(line, names);
          }
        }
      }
      files.put(
          path.get(),
          new FileCoverage(
              path.get(),
              executed,
              Optional.of(statements),
              excluded,
              contexts,
              regions(f.path("functions"), where + ".functions"),
              regions(f.path("classes"), where + ".classes")));
    }
    return new CoverageData(file, CoverageData.Format.JSON, version, when, files, elsewhere);
  }

  /** coverage.py writes its timestamps in local time without a zone. */
  static Optional<Instant> localTime(String text) {
    try {
      return Optional.of(LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Map<String, FileCoverage.Region> regions(JsonNode node, String where) {
    Map<String, FileCoverage.Region> out = new TreeMap<>();
    if (!node.isObject()) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String w = where + "[\"" + e.getKey() + "\"]";
      out.put(
          e.getKey(),
          new FileCoverage.Region(
              lines(e.getValue(), "executed_lines", w, false),
              lines(e.getValue(), "missing_lines", w, false)));
    }
    return out;
  }

  private static SortedSet<Integer> lines(JsonNode f, String key, String where, boolean required) {
    JsonNode a = f.get(key);
    SortedSet<Integer> out = new TreeSet<>();
    if (a == null) {
      if (required) {
        throw new ConfigException(
            where + " has no \"" + key + "\": not coverage.py's coverage.json");
      }
      return out;
    }
    if (!a.isArray()) {
      throw new ConfigException(where + "." + key + " must be a list of line numbers");
    }
    for (JsonNode n : a) {
      if (!n.isInt() || n.asInt() < 0) {
        throw new ConfigException(where + "." + key + " holds " + n + ", not a line number");
      }
      if (n.asInt() > 0) {
        out.add(n.asInt());
      }
    }
    return out;
  }

  private static int lineNumber(String text, String where) {
    try {
      int n = Integer.parseInt(text);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(where + " has key \"" + text + "\", not a line number");
  }
}
