package dev.keel.python;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.python.source.SyntaxError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;

/**
 * The parser never throws, never hangs and always answers with a tree or errors at valid positions,
 * whatever bytes it is given: mutations of real files, pathological nesting, huge lines.
 */
class ParserRobustnessTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static List<byte[]> corpus;

  @BeforeContainer
  static void loadCorpus() {
    corpus = realFiles();
  }

  /** Up to 300 real files: python3's standard library if present, else built-in samples. */
  static List<byte[]> realFiles() {
    List<byte[]> out = new ArrayList<>();
    Optional<Path> stdlib = ReferencePython.anyStdlib();
    if (stdlib.isPresent()) {
      try (Stream<Path> s = Files.walk(stdlib.get())) {
        List<Path> files =
            s.filter(p -> p.toString().endsWith(".py"))
                .filter(p -> !p.toString().contains("site-packages"))
                .sorted()
                .toList();
        int step = Math.max(1, files.size() / 300);
        for (int i = 0; i < files.size() && out.size() < 300; i += step) {
          long size = Files.size(files.get(i));
          if (size < 200_000) {
            out.add(Files.readAllBytes(files.get(i)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (out.isEmpty()) {
      System.err.println(
          "ParserRobustnessTest: no python3 standard library; using built-in samples");
      out.add(SAMPLE.getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private static final String SAMPLE =
      """
      import os
      from typing import Any

      @decorator(arg=1)
      class Thing(Base, metaclass=Meta):
          \"\"\"Doc.\"\"\"
          x: int = 0

          async def run(self, *args, key=None, **kw) -> list[int]:
              async with open(f"{self.x!r:>{width}}") as f:
                  return [y async for y in f if y]
              match args:
                  case [1, *rest] if rest:
                      pass
                  case {"k": v, **others}:
                      raise ValueError(v) from None
              try:
                  yield lambda q, /, r: q @ r
              except* (TypeError, KeyError) as e:
                  print(e, sep='', end=b'\\n'.decode())
      """;

  /** A mutation of one corpus file. */
  record Mutation(int file, int kind, double at, double length, byte[] noise) {
    byte[] apply(List<byte[]> files) {
      byte[] src = files.get(file % files.size());
      int n = src.length;
      int from = (int) (at * n);
      int len = Math.min(n - from, (int) (length * Math.min(n, 400)));
      return switch (kind) {
        case 0 -> concat(Arrays.copyOfRange(src, 0, from), Arrays.copyOfRange(src, from + len, n));
        case 1 -> concat(Arrays.copyOfRange(src, 0, from + len), Arrays.copyOfRange(src, from, n));
        case 2 ->
            concat(
                concat(Arrays.copyOfRange(src, 0, from), noise), Arrays.copyOfRange(src, from, n));
        case 3 -> Arrays.copyOfRange(src, 0, from);
        default -> {
          byte[] copy = src.clone();
          for (int i = 0; i < noise.length && from + i < n; i++) {
            copy[from + i] = noise[i];
          }
          yield copy;
        }
      };
    }

    private static byte[] concat(byte[] a, byte[] b) {
      byte[] out = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<byte[]> noise =
        Arbitraries.oneOf(
            Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16),
            Arbitraries.of(
                    "(", ")", "[", "]", "{", "}", ":", "\n", "\t", " ", "'", "\"", "\"\"\"", "f'{",
                    "}", "\\", "\r", "#", "\u00e9", "\u20ac", "\0", "lambda", "async ", "=", "*",
                    "match ", "case ", "type ", "except*", ":=", "@", "->", "...", "0x", "1_", "b'")
                .map(s -> s.getBytes(StandardCharsets.UTF_8)));
    return Combinators.combine(
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.integers().between(0, 4),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.doubles().between(0, 1),
            noise)
        .as(Mutation::new);
  }

  @Property(tries = 400)
  void mutatedRealFilesNeverBreakTheParser(@ForAll("mutations") Mutation m) {
    checkAnswers(m.apply(corpus));
  }

  @Property(tries = 100)
  void randomBytesNeverBreakTheParser(@ForAll byte[] bytes) {
    checkAnswers(bytes);
  }

  /** Parses within the time limit and answers with a tree or errors at valid positions. */
  static void checkAnswers(byte[] source) {
    ParseResult r =
        assertTimeoutPreemptively(
            LIMIT, () -> assertDoesNotThrow(() -> PythonParser.parse(source)));
    assertNotNull(r.module(), "a module, even if partial");
    int len = r.text().length();
    for (SyntaxError e : r.errors()) {
      assertTrue(0 <= e.start() && e.start() <= e.end() && e.end() <= len, "error range " + e);
      assertFalse(e.message().isBlank(), "error without a message");
    }
  }

  @Test
  void tenThousandNestedBracketsGiveCpythonsError() {
    String src = "x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n";
    ParseResult r = PythonParser.parse(src.getBytes(StandardCharsets.UTF_8));
    checkAnswers(src.getBytes(StandardCharsets.UTF_8));
    assertFalse(r.errors().isEmpty());
    assertTrue(
        r.errors().get(0).message().contains("too many nested parentheses"), r.errors().toString());
  }

  @Test
  void deepNestingOfEveryKindIsAnErrorNotACrash() {
    String[] sources = {
      "x = " + "not ".repeat(100_000) + "y\n",
      "x = " + "-".repeat(100_000) + "y\n",
      "x = " + "lambda: ".repeat(20_000) + "0\n",
      "x = " + "a if b else ".repeat(20_000) + "c\n",
      "x = y" + "[0]".repeat(50_000) + "\n",
      "x = y" + "()".repeat(50_000) + "\n",
      "x = y" + ".a".repeat(50_000) + "\n",
      "x = " + "await ".repeat(50_000) + "y\n",
      "x = " + "*".repeat(1000) + "y\n",
      nestedBlocks(150),
    };
    for (String s : sources) {
      checkAnswers(s.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aOneMegabyteLineParses() {
    String src = "x = " + "1 + ".repeat(250_000) + "1\n";
    checkAnswers(src.getBytes(StandardCharsets.UTF_8));
    String list = "x = [" + "1, ".repeat(330_000) + "]\n";
    ParseResult r = PythonParser.parse(list.getBytes(StandardCharsets.UTF_8));
    assertTrue(r.errors().isEmpty(), r.errors().toString());
  }

  private static String nestedBlocks(int depth) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      sb.append(" ".repeat(i)).append("if x:\n");
    }
    sb.append(" ".repeat(depth)).append("pass\n");
    return sb.toString();
  }
}
