package dev.keel.python.token;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.python.SourceDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tokenizes a large body of Python and prints the throughput. The floor asserted is far below the
 * target (well over 50 MB/s on one core) so that a busy machine does not fail it; it catches
 * accidental quadratic behaviour, not small regressions.
 */
class TokenizerSpeedTest {

  @Test
  void tokenizesQuickly() throws IOException {
    List<String> texts = corpus();
    long chars = texts.stream().mapToLong(String::length).sum();
    long tokens = 0;
    for (int warmup = 0; warmup < 3; warmup++) {
      for (String t : texts) {
        tokens += Tokenizer.tokenize(t).tokens().size();
      }
    }
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      for (String t : texts) {
        tokens += Tokenizer.tokenize(t).tokens().size();
      }
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    double mbPerSecond = chars / 1e6 / best;
    System.out.printf(
        "Tokenizer speed: %.1f MB of source in %.3f s = %.0f MB/s (%d files)%n",
        chars / 1e6, best, mbPerSecond, texts.size());
    assertTrue(tokens > 0);
    assertTrue(mbPerSecond > 5, "tokenizer is pathologically slow: " + mbPerSecond + " MB/s");
  }

  /** The standard library of the python found, or else a generated file. */
  private static List<String> corpus() throws IOException {
    List<String> texts = new ArrayList<>();
    Path python = PythonFinder.find();
    if (python != null) {
      Path stdlib =
          Path.of(
              PythonFinder.run(python, "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
                  .strip());
      try (Stream<Path> walk = Files.walk(stdlib)) {
        for (Path p : walk.filter(p -> p.toString().endsWith(".py")).toList()) {
          texts.add(SourceDecoder.decode(Files.readAllBytes(p)).text());
        }
      }
    }
    if (texts.isEmpty()) {
      String unit =
          "class A(B):\n    def f(self, x=0x1F, *a, **k):\n        return [i * 2.5 for i in"
              + " range(10) if i % 2]  # comment\n    s = f'{x!r:>{w}} {y=}' + 'text' + \"\"\"doc\"\"\"\n";
      texts.add(unit.repeat(200_000));
    }
    return texts;
  }
}
