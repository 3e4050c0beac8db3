package dev.keel.bench;

import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.rule.FileRules;
import dev.keel.rule.FileVisit;
import dev.keel.rules.RuleRegistry;
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
 * Single-threaded cost of the one walk and every file rule of the standard registry, as {@code keel
 * check} runs them: file by file, each parsed and modelled just before its rules run (files keep
 * their paths, module names and test/source kinds). The rules' cost is {@link #parseModelAndRules}
 * minus {@link #parseAndModel}; compare it with {@link #parse}. Measuring the rules apart, over
 * trees parsed in advance and kept in memory, would charge them for cache misses that the pipeline
 * does not have. The project is the folder named by {@code -Dkeel.project=DIR}, which needs a
 * project marker ({@code .git}); {@code bench/real-projects.sh} makes a copy of the standard
 * library at {@code /tmp/keel-real/stdlib}, the default.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 2,
    jvmArgs = {"-Xss16m", "-Xmx4g", "-XX:+UseSerialGC", "-Xmn1g"})
public class FileRulesBenchmark {
  Project project;
  List<ProjectFile> files;
  List<byte[]> bytes;
  FileRules rules;

  @Setup
  public void load() {
    Path dir = Path.of(System.getProperty("keel.project", "/tmp/keel-real/stdlib"));
    project = ProjectDiscovery.discover(List.of(dir), Optional.empty(), UnaryOperator.identity());
    rules = new FileRules(RuleRegistry.standard().all());
    files = project.pythonFiles();
    bytes = new ArrayList<>();
    long size = 0;
    for (ProjectFile f : files) {
      try {
        byte[] b = Files.readAllBytes(f.absolute());
        bytes.add(b);
        size += b.length;
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

  /** Parse every file and build its semantic model. */
  @Benchmark
  public void parseAndModel(Blackhole bh) {
    for (int i = 0; i < bytes.size(); i++) {
      ParseResult p = PythonParser.parse(bytes.get(i));
      bh.consume(SemanticModel.of(p, FileVisit.moduleContext(files.get(i))));
    }
  }

  /** Parse every file, build its semantic model, then run the walk and every file rule on it. */
  @Benchmark
  public void parseModelAndRules(Blackhole bh) {
    for (int i = 0; i < bytes.size(); i++) {
      ProjectFile f = files.get(i);
      ParseResult p = PythonParser.parse(bytes.get(i));
      SemanticModel m = SemanticModel.of(p, FileVisit.moduleContext(f));
      bh.consume(rules.check(f, p, project.config(), m));
    }
  }
}
