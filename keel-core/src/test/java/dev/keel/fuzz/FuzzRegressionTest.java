package dev.keel.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 *
 * <p>{@code fuzz-regressions/parser-pending/} holds the inputs that still wait for the parser's
 * limits (deep nesting, long argument lists, a million syntax findings for 1 MB of NULs): for them
 * no exception may escape, while the file may still miss its deadline (SYN004) or the audit take
 * longer than the guard; each verdict is printed, and one that now passes in full is said so, to be
 * moved up a folder once the parser's limits land.
 */
class FuzzRegressionTest {
  private static final Path ROOT = Path.of("src/test/resources/fuzz-regressions");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> fixedFailuresStayFixed() throws IOException {
    return replay(ROOT, false);
  }

  @TestFactory
  Stream<DynamicTest> parserPendingNeverEscapeAndAlwaysReturn() throws IOException {
    return replay(ROOT.resolve("parser-pending"), true);
  }

  private Stream<DynamicTest> replay(Path dir, boolean pending) throws IOException {
    List<Path> inputs;
    try (Stream<Path> s = Files.list(dir)) {
      inputs =
          s.filter(p -> p.toString().endsWith(".py") || p.toString().endsWith(".recipe"))
              .sorted()
              .toList();
    }
    assertFalse(inputs.isEmpty(), "no inputs under " + dir);
    Pipeline pipeline = new Pipeline(tmp.resolve(pending ? "pending" : "fixed"));
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
                      if (!pending) {
                        assertEquals(Optional.empty(), verdict, p.toString());
                      } else if (verdict.isEmpty()) {
                        System.out.println(
                            "fuzz: " + p + " now passes in full: move it to " + ROOT);
                      } else {
                        System.out.println("fuzz: " + p + " still pending: " + verdict.get());
                        assertTrue(
                            Pipeline.isDeadlineMiss(verdict.get())
                                || verdict.get().startsWith("hang"),
                            verdict.get());
                      }
                    }));
  }
}
