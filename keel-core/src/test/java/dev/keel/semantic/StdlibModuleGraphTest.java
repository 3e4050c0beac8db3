package dev.keel.semantic;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.testing.PythonTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The module graph of the python3.11 standard library: prints the figures BENCHMARKS.md records
 * (the semantic pass's speed is measured by the JMH SemanticBenchmark, not here).
 */
@Tag("corpus")
class StdlibModuleGraphTest {
  static final Optional<Path> FOUND_STDLIB = PythonTools.stdlib311();
  static final Path STDLIB = FOUND_STDLIB.orElse(Path.of("no-python3.11-stdlib"));

  @Test
  void standardLibraryGraph() throws IOException {
    assumeTrue(
        FOUND_STDLIB.isPresent(),
        PythonTools.missing("python3.11 standard library") + " (or set -Dkeel.stdlib=DIR)");
    List<Path> files;
    try (Stream<Path> s = Files.walk(STDLIB)) {
      files =
          s.filter(p -> p.toString().endsWith(".py"))
              .filter(p -> !STDLIB.relativize(p).toString().startsWith("site-packages/"))
              .sorted()
              .toList();
    }
    List<ModuleSummary> summaries = new ArrayList<>();
    for (Path file : files) {
      String rel = STDLIB.relativize(file).toString();
      ParseResult parse = PythonParser.parse(Files.readAllBytes(file));
      boolean init = rel.endsWith("__init__.py");
      String module = rel.replaceAll("\\.py$", "").replaceAll("/__init__$", "").replace('/', '.');
      ModuleContext context = new ModuleContext(module, init, new PythonVersion(3, 11));
      summaries.add(ModuleSummary.of(rel, context, parse, SemanticModel.of(parse, context)));
    }
    ModuleGraph graph = ModuleGraph.of(summaries, new PythonVersion(3, 11));
    List<List<String>> cycles = graph.cycles();
    List<List<String>> allCycles = graph.cycles(k -> true);
    int largest = cycles.stream().mapToInt(List::size).max().orElse(0);
    long importTimeEdges = graph.edges().stream().filter(e -> e.kind().atImportTime()).count();
    System.out.printf(
        "stdlib 3.11 module graph: %d modules, %d edges (%d at import time), %d import-time"
            + " cycles (largest %d modules), %d cycles counting all imports%n",
        graph.modules().size(),
        graph.edges().size(),
        importTimeEdges,
        cycles.size(),
        largest,
        allCycles.size());
    for (List<String> c : cycles) {
      System.out.println(
          "  cycle of " + c.size() + ": " + (c.size() > 6 ? c.subList(0, 6) + " ..." : c));
    }
    graph
        .shortestCycleThrough("asyncio.events")
        .ifPresent(p -> System.out.println("shortest cycle through asyncio.events: " + p));
    assertTrue(graph.modules().size() > 1000);
    assertTrue(!cycles.isEmpty());
  }
}
