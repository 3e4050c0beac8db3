package dev.keel.bench;

import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.rule.FileRules;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleRegistry;
import dev.keel.semantic.SemanticModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-threaded cost of the one walk and every file rule of the standard registry over a project
 * parsed and modelled beforehand, as {@code keel check} runs them (files keep their paths, module
 * names and test/source kinds). Compare with {@link #parse} on the same files for the share of
 * parse time. The project is the folder named by {@code -Dkeel.project=DIR}, which needs a project
 * marker ({@code .git}); {@code bench/real-projects.sh} makes a copy of the standard library at
 * {@code /tmp/keel-real/stdlib}, the default.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xss16m", "-Xmx4g"})
public class FileRulesBenchmark {
  record Modelled(ProjectFile file, ParseResult parse, SemanticModel model) {}

  Project project;
  List<byte[]> bytes;
  List<Modelled> modelled;
  FileRules rules;

  @Setup
  public void load() {
    Path dir = Path.of(System.getProperty("keel.project", "/tmp/keel-real/stdlib"));
    project = ProjectDiscovery.discover(List.of(dir), Optional.empty(), UnaryOperator.identity());
    rules = new FileRules(RuleRegistry.standard().all());
    bytes = new ArrayList<>();
    modelled = new ArrayList<>();
    long size = 0;
    for (ProjectFile f : project.pythonFiles()) {
      try {
        byte[] b = Files.readAllBytes(f.absolute());
        bytes.add(b);
        size += b.length;
        ParseResult p = PythonParser.parse(b);
        modelled.add(new Modelled(f, p, SemanticModel.of(p, FileVisit.moduleContext(f))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    System.err.printf("project %s: %d files, %.1f MB%n", dir, bytes.size(), size / 1e6);
  }

  /** Decode, tokenize and parse every file. */
  @Benchmark
  public void parse(Blackhole bh) {
    for (byte[] b : bytes) {
      bh.consume(PythonParser.parse(b));
    }
  }

  /** The one walk and every file rule over every file, semantic models built beforehand. */
  @Benchmark
  public void fileRules(Blackhole bh) {
    for (Modelled m : modelled) {
      bh.consume(rules.check(m.file(), m.parse(), project.config(), m.model()));
    }
  }
}
