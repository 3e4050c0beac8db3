package dev.keel.bench;

import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.semantic.ModuleContext;
import dev.keel.semantic.ModuleSummary;
import dev.keel.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Single-threaded cost of the semantic pass (scopes, bindings, name issues and the module summary)
 * over a corpus parsed beforehand; compare with {@link ParseBenchmark#parse} on the same corpus for
 * its share of parse time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xss16m", "-Xmx4g"})
public class SemanticBenchmark {
  List<ParseResult> parsed;

  @Setup
  public void load() {
    parsed = new ArrayList<>();
    for (byte[] f : Corpus.load().files) {
      parsed.add(PythonParser.parse(f));
    }
  }

  @Benchmark
  public void bind(Blackhole bh) {
    ModuleContext where = ModuleContext.of("", false);
    for (ParseResult p : parsed) {
      SemanticModel model = SemanticModel.of(p, where);
      bh.consume(ModuleSummary.of("", where, p, model));
    }
  }
}
