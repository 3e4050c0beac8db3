package dev.keel.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.python.ast.Node;
import dev.keel.python.ast.SyntaxChildren;
import dev.keel.python.source.SyntaxError;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Input written to hurt (issue 10): every case answers at once with CPython 3.13's error, or a
 * tree, never a stack overflow, a hang or one error per character. The expected answers are written
 * out, so the cases mean the same without CPython; {@link #everyCaseAgreesWithCpython313} checks
 * each against what python3.13's {@code ast.parse} raises for the same bytes.
 */
class HostileInputTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private static final String TOO_COMPLEX =
      "MemoryError|Parser stack overflowed - Python source too complex to parse";
  private static final String TOO_DEEP =
      "RecursionError|maximum recursion depth exceeded during ast construction";

  // ------------------------------------------------------------------ CPython's nesting limits

  @Test
  void deepBracketsAreOneErrorAtTheTwoHundredAndFirst() {
    expect("x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n", first(1, 205));
    expect("x = " + "(".repeat(100_000) + "\n", first(1, 205));
    assertEquals(1, parse("x = " + "(".repeat(100_000) + "\n").errors().size());
    expect("x = " + "[".repeat(50_000) + "]".repeat(50_000) + "\n", first(1, 205));
    expect("x = " + "{1:".repeat(40_000) + "1" + "}".repeat(40_000) + "\n", first(1, 605));
  }

  private static String first(int line, int col) {
    return "SyntaxError|too many nested parentheses|" + line + "|" + col;
  }

  @Test
  void deepBlocksStopAtCpythonsHundredLevels() {
    for (int depth : new int[] {100, 1000}) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < depth; i++) {
        sb.append(" ".repeat(i)).append("if x:\n");
      }
      sb.append(" ".repeat(depth)).append("pass\n");
      expect(sb.toString(), "IndentationError|too many levels of indentation|101|1");
    }
  }

  // ------------------------------------------------------------------ depth the input controls

  @Test
  void longLeftAssociativeChainsAreCpythonsRecursionError() {
    expect("x = 1" + "+1".repeat(1_000_000) + "\n", TOO_DEEP + "|1|1");
    expect("x = a" + ".b".repeat(500_000) + "\n", TOO_DEEP + "|1|1");
    expect("x = f" + "()".repeat(300_000) + "\n", TOO_DEEP + "|1|1");
    expect("x = a" + "[0]".repeat(300_000) + "\n", TOO_DEEP + "|1|1");
    expect("y = 2\nx = a" + " * b + c".repeat(100_000) + "\nz = 3\n", TOO_DEEP + "|2|1");
  }

  @Test
  void theDeepestTreeCpythonBuildsParsesAndEveryWalkOfItFinishes() {
    // CPython 3.13 builds `x = 1+1…` with 9,994 operators and refuses 9,995.
    for (String link : new String[] {"+1", ".b", "()", "[0]"}) {
      ParseResult ok = parse("x = a" + link.repeat(9_994) + "\n");
      assertTrue(ok.errors().isEmpty(), link + ": " + ok.errors());
      String dump = AstDump.dump(ok);
      assertTrue(dump.startsWith("Module(body=[Assign("), link);
      assertEquals(9_997, depth(ok.module()), link);
      expect("x = a" + link.repeat(9_995) + "\n", TOO_DEEP + "|1|1");
    }
  }

  @Test
  void deepRightRecursionIsCpythonsParserOverflow() {
    expect("x = " + "not ".repeat(100_000) + "x\n", TOO_COMPLEX + "|1|1");
    expect("x = " + "- ".repeat(100_000) + "x\n", TOO_COMPLEX + "|1|1");
    expect("x = " + "2**".repeat(100_000) + "2\n", TOO_COMPLEX + "|1|1");
    expect("x = " + "lambda: ".repeat(100_000) + "0\n", TOO_COMPLEX + "|1|1");
    expect("x = " + "1 if 1 else ".repeat(100_000) + "1\n", TOO_COMPLEX + "|1|1");
    expect("if x:\n  pass\n" + "elif x:\n  pass\n".repeat(100_000), TOO_COMPLEX + "|1|1");
    expect(
        "async def f():\n  x = " + "await ".repeat(100_000) + "x\n",
        "SyntaxError|invalid syntax|2|13");
  }

  @Test
  void elifChainsNestAsDeepAsInCpython() {
    expect("if x:\n  pass\n" + "elif x:\n  pass\n".repeat(5_962), "OK");
    expect("if x:\n  pass\n" + "elif x:\n  pass\n".repeat(5_963), TOO_COMPLEX + "|1|1");
    expect("x = " + "lambda: ".repeat(1_553) + "0\n", "OK");
  }

  // ------------------------------------------------------------------ linear in the input

  @Test
  void longFlatListsParse() {
    String args =
        IntStream.range(0, 40_000).mapToObj(i -> "a" + i).collect(Collectors.joining(", "));
    String items =
        IntStream.range(0, 100_000).mapToObj(i -> "a" + i).collect(Collectors.joining(", "));
    expect("f(" + args + ")\n", "OK");
    expect("a" + " < a".repeat(40_000) + "\n", "OK");
    expect("with " + items + ": pass\n", "OK");
    expect("x = " + String.join(" and ", java.util.Collections.nCopies(100_000, "a")) + "\n", "OK");
  }

  @Test
  void garbageGivesCpythonsFirstErrorAndABoundedNumberOfOthers() {
    String nul = "\0".repeat(1 << 20);
    ParseResult r = parse(nul);
    assertEquals("source code cannot contain null bytes", r.errors().get(0).message());
    assertEquals(1, r.errors().size(), "CPython's one error, not one per NUL byte");
    assertEquals(0, r.omittedErrors());
    expect("$".repeat(65_536) + "\n", "SyntaxError|invalid syntax|1|1");
    ParseResult dollars = parse("$".repeat(65_536) + "\n");
    assertEquals(100, dollars.errors().size());
    assertEquals(65_536 - 100, dollars.omittedErrors());
    // Columns far along a long line, with and without characters beyond ASCII.
    String wide = "é".repeat(70_000) + " = (\n";
    ParseResult w = parse(wide);
    assertEquals(70_000 + 3, w.lines().column(w.errors().get(0).start()));
    assertEquals(140_000 + 3, w.lines().utf8Column(w.errors().get(0).start()));
  }

  // ------------------------------------------------------------------ cancellation

  @Test
  void anInterruptedThreadStopsParsing() {
    String big = "x = 1\n".repeat(200_000);
    Thread.currentThread().interrupt();
    try {
      assertThrows(CancellationException.class, () -> PythonParser.parse(big));
    } finally {
      Thread.interrupted();
    }
    assertTrue(PythonParser.parse(big).errors().isEmpty(), "parses again once not interrupted");
  }

  @Test
  void anInterruptReachesWorkOnTheDeepStackThread() throws InterruptedException {
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    AtomicBoolean workerSawIt = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                PythonParser.onDeepStack(
                    () -> {
                      while (!Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();
                      }
                      workerSawIt.set(true);
                      throw new CancellationException("stopped");
                    });
              } catch (RuntimeException e) {
                outcome.set(e);
              }
            });
    caller.start();
    Thread.sleep(100);
    caller.interrupt();
    caller.join(30_000);
    assertFalse(caller.isAlive(), "the caller returned");
    assertTrue(workerSawIt.get(), "the work on the deep stack was interrupted too");
    assertTrue(outcome.get() instanceof CancellationException, String.valueOf(outcome.get()));
  }

  @Test
  void anErrorOnTheDeepStackReachesTheCallerInsteadOfANullResult() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    OutOfMemoryError seen =
        assertThrows(
            OutOfMemoryError.class,
            () ->
                PythonParser.onDeepStack(
                    () -> {
                      throw oom;
                    }));
    assertTrue(seen == oom, "the worker's own error, rethrown");
  }

  // ------------------------------------------------------------------ against CPython

  /** Set while {@link #everyCaseAgreesWithCpython313} runs the cases again. */
  private static boolean againstCpython;

  /**
   * Every case above again, each first error also checked against what CPython 3.13's {@code
   * ast.parse} raises for the same bytes: a differential test, so out of the quick loop, and
   * skipped with a message where no python3.13 is installed.
   */
  @Test
  @Tag("differential")
  void everyCaseAgreesWithCpython313() throws Throwable {
    assumeTrue(PYTHON.isPresent(), ReferencePython.missing("python3.13"));
    List<Method> cases =
        Arrays.stream(HostileInputTest.class.getDeclaredMethods())
            .filter(m -> m.isAnnotationPresent(Test.class) && !m.isAnnotationPresent(Tag.class))
            .sorted(Comparator.comparing(Method::getName))
            .toList();
    againstCpython = true;
    try {
      for (Method m : cases) {
        try {
          m.invoke(this);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    } finally {
      againstCpython = false;
    }
  }

  // ------------------------------------------------------------------ helpers

  private static ParseResult parse(String src) {
    Supplier<ParseResult> work = () -> PythonParser.parse(src.getBytes(StandardCharsets.UTF_8));
    return assertTimeoutPreemptively(LIMIT, work::get);
  }

  /**
   * Keel's first error is {@code expected}; so is CPython's, when {@link
   * #everyCaseAgreesWithCpython313} runs the case.
   */
  private static void expect(String src, String expected) {
    ParseResult r = parse(src);
    String got = "OK";
    if (!r.errors().isEmpty()) {
      SyntaxError e = r.errors().get(0);
      got =
          e.kind()
              + "|"
              + e.message()
              + "|"
              + r.lines().line(e.start())
              + "|"
              + (r.lines().column(e.start()) + 1);
    }
    String what = src.length() > 60 ? src.substring(0, 60) + "…" : src;
    assertEquals(expected, got, what);
    assertFalse(r.errors().size() > 100, "at most 100 errors kept");
    if (!againstCpython) {
      return;
    }
    cpython(src)
        .ifPresent(
            c ->
                assertEquals(
                    withoutPositionIfCpythonHasNone(expected), c, "CPython 3.13 on " + what));
  }

  private static String withoutPositionIfCpythonHasNone(String expected) {
    return expected.startsWith("MemoryError") || expected.startsWith("RecursionError")
        ? expected.substring(0, expected.lastIndexOf('|', expected.lastIndexOf('|') - 1))
        : expected;
  }

  private static final Optional<String> PYTHON = ReferencePython.exactly(3, 13);

  private static final String PROBE =
      """
      import ast, sys
      src = open(sys.argv[1], 'rb').read()
      try:
          ast.parse(src)
          print('OK')
      except SyntaxError as e:
          print(f'{type(e).__name__}|{e.msg}|{e.lineno}|{e.offset}')
      except (MemoryError, RecursionError) as e:
          print(f'{type(e).__name__}|{e}')
      """;

  /** What CPython 3.13's {@code ast.parse} says of {@code src}, if one is installed. */
  private static Optional<String> cpython(String src) {
    if (PYTHON.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path file = Files.createTempFile("keel-hostile", ".py");
      Path probe = Files.createTempFile("keel-probe", ".py");
      try {
        Files.writeString(file, src, StandardCharsets.UTF_8);
        Files.writeString(probe, PROBE);
        Process p = new ProcessBuilder(PYTHON.get(), probe.toString(), file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return Optional.of(out.strip());
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(probe);
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The tree's depth, walked with a stack of our own. */
  private static int depth(Node root) {
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root, 1});
    int deepest = 0;
    while (!stack.isEmpty()) {
      Object[] top = stack.pop();
      int d = (Integer) top[1];
      deepest = Math.max(deepest, d);
      SyntaxChildren.forEach((Node) top[0], c -> stack.push(new Object[] {c, d + 1}));
    }
    return deepest;
  }
}
