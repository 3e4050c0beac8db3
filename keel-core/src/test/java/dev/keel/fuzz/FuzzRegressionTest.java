package dev.keel.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input that once failed the fuzzer, replayed: {@code fuzz-regressions/*.py} as they are,
 * {@code *.recipe} built by {@link Recipe}. Each must now go through the whole pipeline with no
 * exception and within its deadline.
 */
class FuzzRegressionTest {
  private static final Path ROOT = Path.of("src/test/resources/fuzz-regressions");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> fixedFailuresStayFixed() throws IOException {
    return replay(ROOT);
  }

  private Stream<DynamicTest> replay(Path dir) throws IOException {
    List<Path> inputs;
    try (Stream<Path> s = Files.list(dir)) {
      inputs =
          s.filter(p -> p.toString().endsWith(".py") || p.toString().endsWith(".recipe"))
              .sorted()
              .toList();
    }
    assertFalse(inputs.isEmpty(), "no inputs under " + dir);
    Pipeline pipeline = new Pipeline(tmp.resolve("fixed"));
    return inputs.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.getFileName().toString(),
                    () -> {
                      byte[] input =
                          p.toString().endsWith(".recipe")
                              ? Recipe.bytes(Files.readString(p, StandardCharsets.UTF_8))
                              : Files.readAllBytes(p);
                      Optional<String> verdict = pipeline.verdict(input);
                      assertEquals(Optional.empty(), verdict, p.toString());
                    }));
  }
}
