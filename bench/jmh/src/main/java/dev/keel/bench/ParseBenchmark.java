package dev.keel.bench;

import dev.keel.python.PythonParser;
import dev.keel.python.SourceDecoder;
import dev.keel.python.token.Tokenizer;
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
 * Single-threaded throughput of the syntax layer over a whole corpus: one operation decodes and
 * tokenizes, or decodes, tokenizes and parses, every file. MB/s per core is the corpus size
 * (printed at start) divided by the time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xss16m", "-Xmx4g"})
public class ParseBenchmark {
  Corpus corpus;

  @Setup
  public void load() {
    corpus = Corpus.load();
  }

  @Benchmark
  public void tokenize(Blackhole bh) {
    for (byte[] f : corpus.files) {
      bh.consume(Tokenizer.tokenize(SourceDecoder.decode(f).text()));
    }
  }

  @Benchmark
  public void parse(Blackhole bh) {
    for (byte[] f : corpus.files) {
      bh.consume(PythonParser.parse(f));
    }
  }
}
