package dev.keel.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.testing.PythonTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cyclomatic complexity against radon's own: {@code radon cc -j} over the python3.11 standard
 * library (site-packages excluded), matched with ours by file, {@code def} line and name. At least
 * 99.5% of the functions and methods radon reports must have the same complexity; every
 * disagreement is printed with its class. Files radon itself cannot read (it runs on the system's
 * python and reads files as UTF-8) are counted apart. Skips, saying why, when radon or the standard
 * library is missing. Set {@code -Dkeel.stdlib=DIR} to use another standard library.
 */
@Tag("differential")
class RadonDifferentialTest {
  private static final double REQUIRED = 99.5;

  private record Block(String name, int line, int complexity) {}

  @Test
  void complexityMatchesRadonOnTheStandardLibrary() throws Exception {
    Optional<Path> lib = PythonTools.stdlib311();
    assumeTrue(
        lib.isPresent(),
        PythonTools.missing("python3.11 standard library") + " (or set -Dkeel.stdlib=DIR)");
    Optional<String> radon = PythonTools.tool("radon");
    assumeTrue(radon.isPresent(), PythonTools.missing("radon") + " (apt-get install radon)");
    Path root = lib.get();

    Path json = Files.createTempFile("radon", ".json");
    try {
      Process run =
          new ProcessBuilder(radon.get(), "cc", "-j", "-e", "*/site-packages/*", root.toString())
              .redirectOutput(json.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      assertTrue(run.waitFor(10, TimeUnit.MINUTES), "radon did not finish in 10 minutes");
      assertTrue(run.exitValue() == 0, "radon failed with exit code " + run.exitValue());
      compare(root, new ObjectMapper().readTree(json.toFile()));
    } finally {
      Files.deleteIfExists(json);
    }
  }

  private static void compare(Path root, JsonNode radon) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(p -> p.toString().endsWith(".py"))
              .filter(p -> !root.relativize(p).toString().contains("site-packages"))
              .sorted()
              .toList();
    }
    int radonFailed = 0;
    int compared = 0;
    int identical = 0;
    Map<String, List<String>> disagreements = new TreeMap<>();
    for (Path file : files) {
      JsonNode entry = radon.get(file.toString());
      if (entry == null) {
        continue; // radon lists only files with functions or classes
      }
      if (entry.isObject() && entry.has("error")) {
        radonFailed++;
        continue;
      }
      List<Block> expected = new ArrayList<>();
      collect(entry, expected);
      ParseResult parse = PythonParser.parse(Files.readAllBytes(file));
      Map<String, CallableMetrics> ours = new HashMap<>();
      for (CallableMetrics m : Callables.measureAll(parse)) {
        String simple = m.name().substring(m.name().lastIndexOf('.') + 1);
        ours.put(m.line() + ":" + simple, m);
      }
      String rel = root.relativize(file).toString();
      for (Block b : expected) {
        compared++;
        CallableMetrics m = ours.get(b.line() + ":" + b.name());
        String where = rel + ":" + b.line() + " " + b.name();
        if (m != null && m.complexity() == b.complexity()) {
          identical++;
        } else if (!parse.ok()) {
          disagreements
              .computeIfAbsent("keel's parser reports a syntax error", k -> new ArrayList<>())
              .add(where);
        } else if (m == null) {
          disagreements
              .computeIfAbsent("keel does not find the function", k -> new ArrayList<>())
              .add(where);
        } else {
          disagreements
              .computeIfAbsent("complexity differs", k -> new ArrayList<>())
              .add(where + ": radon " + b.complexity() + ", keel " + m.complexity());
        }
      }
    }
    double percent = compared == 0 ? 0 : 100.0 * identical / compared;
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "radon differential on %s: %d files, %d that radon cannot read; %d functions and"
                + " methods compared, %d identical (%.2f%%)%n",
            root, files.size(), radonFailed, compared, identical, percent));
    disagreements.forEach(
        (kind, where) -> {
          report.append("  ").append(kind).append(": ").append(where.size()).append('\n');
          where.stream().limit(50).forEach(w -> report.append("    ").append(w).append('\n'));
        });
    System.out.print(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/radon-differential.txt"), report);
    assertTrue(compared > 10_000, "too few functions compared:\n" + report);
    assertTrue(percent >= REQUIRED, "below " + REQUIRED + "% identical:\n" + report);
  }

  /** Functions and methods of radon's report, closures included, each once. */
  private static void collect(JsonNode blocks, List<Block> out) {
    Map<String, Block> seen = new LinkedHashMap<>();
    walk(blocks, seen);
    out.addAll(seen.values());
  }

  private static void walk(JsonNode blocks, Map<String, Block> seen) {
    for (JsonNode b : blocks) {
      String type = b.path("type").asText();
      if (type.equals("function") || type.equals("method")) {
        Block block =
            new Block(b.get("name").asText(), b.get("lineno").asInt(), b.get("complexity").asInt());
        seen.putIfAbsent(block.line() + ":" + block.name(), block);
      }
      if (b.has("closures")) {
        walk(b.get("closures"), seen);
      }
      if (b.has("methods")) {
        walk(b.get("methods"), seen);
      }
    }
  }
}
