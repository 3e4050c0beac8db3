package dev.keel.semantic;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module graph of the python3.11 standard library, and what the semantic pass costs next to
 * parsing (single thread, after a warm-up round). Prints the figures BENCHMARKS.md records.
 */
class StdlibModuleGraphTest {
  static final Path STDLIB = Path.of("/root/.pyenv/versions/3.11.7/lib/python3.11");

  @Test
  void standardLibraryGraph() throws IOException {
    assumeTrue(Files.isDirectory(STDLIB), "no python3.11 standard library at " + STDLIB);
    List<Path> files;
    try (Stream<Path> s = Files.walk(STDLIB)) {
      files =
          s.filter(p -> p.toString().endsWith(".py"))
              .filter(p -> !STDLIB.relativize(p).toString().startsWith("site-packages/"))
              .sorted()
              .toList();
    }
    List<byte[]> sources = new ArrayList<>();
    for (Path p : files) {
      sources.add(Files.readAllBytes(p));
    }
    long parseNanos = 0;
    long bindNanos = 0;
    List<ModuleSummary> summaries = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      parseNanos = 0;
      bindNanos = 0;
      summaries.clear();
      for (int i = 0; i < files.size(); i++) {
        String rel = STDLIB.relativize(files.get(i)).toString();
        long t0 = System.nanoTime();
        ParseResult parse = PythonParser.parse(sources.get(i));
        long t1 = System.nanoTime();
        boolean init = rel.endsWith("__init__.py");
        String module = rel.replaceAll("\\.py$", "").replaceAll("/__init__$", "").replace('/', '.');
        ModuleContext context = new ModuleContext(module, init, new PythonVersion(3, 11));
        SemanticModel model = SemanticModel.of(parse, context);
        ModuleSummary summary = ModuleSummary.of(rel, context, parse, model);
        long t2 = System.nanoTime();
        parseNanos += t1 - t0;
        bindNanos += t2 - t1;
        summaries.add(summary);
      }
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
    System.out.printf(
        "semantic pass + summary %.2fs vs parse %.2fs: %.0f%% of parse time (one thread)%n",
        bindNanos / 1e9, parseNanos / 1e9, 100.0 * bindNanos / parseNanos);
    graph
        .shortestCycleThrough("asyncio.events")
        .ifPresent(p -> System.out.println("shortest cycle through asyncio.events: " + p));
    assertTrue(graph.modules().size() > 1000);
    assertTrue(!cycles.isEmpty());
  }
}
