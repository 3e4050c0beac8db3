package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source written to hurt (issue 10) in a real project: each file is answered at once with CPython's
 * error as a SYN001 finding, at most ten of them and a count of the rest, and the other files are
 * still audited; {@code keel ast} prints CPython's error, never a trace or {@code null}.
 */
class HostileSyntaxTest {
  private static final Duration LIMIT = Duration.ofSeconds(120);

  @TempDir Path tmp;

  @Test
  void everyHostileFileIsAFindingAndTheRunGoesOn() throws IOException {
    Path p = tmp.resolve("proj");
    Files.createDirectories(p.resolve(".git"));
    Files.writeString(
        p.resolve("parens.py"), "x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n");
    Files.writeString(p.resolve("unclosed.py"), "x = " + "(".repeat(100_000) + "\n");
    Files.writeString(p.resolve("plus.py"), "x = 1" + "+1".repeat(1_000_000) + "\n");
    Files.writeString(p.resolve("attrs.py"), "x = a" + ".b".repeat(500_000) + "\n");
    Files.writeString(p.resolve("nots.py"), "x = " + "not ".repeat(100_000) + "x\n");
    Files.write(p.resolve("nul.py"), new byte[1024]);
    Files.writeString(p.resolve("dollars.py"), "$".repeat(65_536) + "\n");
    String args =
        IntStream.range(0, 40_000).mapToObj(i -> "a" + i).collect(Collectors.joining(", "));
    Files.writeString(p.resolve("args.py"), "f(" + args + ")\n");
    Files.writeString(p.resolve("good.py"), "def f(:\n    pass\n");

    Cli.Outcome o =
        assertTimeoutPreemptively(
            LIMIT, () -> Cli.run("check", "--select", "SYN", "--no-color", p.toString()));

    assertEquals(1, o.code(), o.err());
    assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
    List<String> findings = o.out().lines().filter(l -> l.contains(": SYN001 ")).toList();
    assertTrue(
        findings.contains(
            "parens.py:1:205: SYN001 SyntaxError: too many nested parentheses [error]"),
        String.join("\n", findings));
    assertTrue(
        findings.contains(
            "unclosed.py:1:205: SYN001 SyntaxError: too many nested parentheses [error]"),
        String.join("\n", findings));
    assertTrue(
        findings.contains(
            "plus.py:1:1: SYN001 RecursionError: maximum recursion depth exceeded during ast"
                + " construction [error]"),
        String.join("\n", findings));
    assertTrue(
        findings.contains(
            "attrs.py:1:1: SYN001 RecursionError: maximum recursion depth exceeded during ast"
                + " construction [error]"),
        String.join("\n", findings));
    assertTrue(
        findings.contains(
            "nots.py:1:1: SYN001 MemoryError: Parser stack overflowed - Python source too"
                + " complex to parse [error]"),
        String.join("\n", findings));
    assertTrue(
        findings.contains("good.py:1:7: SYN001 SyntaxError: invalid syntax [error]"),
        String.join("\n", findings));
    assertEquals(1, count(findings, "parens.py:"), "one error for 100,000 brackets");
    assertEquals(1, count(findings, "unclosed.py:"), "one error for 100,000 unclosed brackets");
    assertEquals(1, count(findings, "plus.py:"));
    assertEquals(0, count(findings, "args.py:"), "40,000 arguments are valid Python");
    // NUL bytes: CPython's one error, not one per byte.
    assertEquals(
        List.of("nul.py:1:1: SYN001 SyntaxError: source code cannot contain null bytes [error]"),
        findings.stream().filter(l -> l.startsWith("nul.py:")).toList());
    // Garbage: CPython's first error, nine more, and one finding that counts the rest.
    List<String> dollars = findings.stream().filter(l -> l.startsWith("dollars.py:")).toList();
    assertEquals(11, dollars.size());
    assertEquals("dollars.py:1:10: SYN001 SyntaxError: invalid syntax [error]", dollars.get(9));
    assertTrue(dollars.get(10).contains("and 65526 more syntax errors"), dollars.get(10));
  }

  private static long count(List<String> findings, String prefix) {
    return findings.stream().filter(l -> l.startsWith(prefix)).count();
  }

  @Test
  void keelAstPrintsCpythonsErrorForATreeTooDeep() throws IOException {
    Path f = Files.writeString(tmp.resolve("x.py"), "x = 1" + "+1".repeat(1_000_000) + "\n");
    Cli.Outcome o = assertTimeoutPreemptively(LIMIT, () -> Cli.run("ast", f.toString()));
    assertEquals(1, o.code(), o.err());
    assertEquals(
        "== "
            + f
            + "\nRecursionError: 1:1: maximum recursion depth exceeded during ast construction\n",
        o.out());
    assertEquals("", o.err());
  }

  @Test
  void keelAstPrintsTheDeepestTreeCpythonBuilds() throws IOException {
    Path f = Files.writeString(tmp.resolve("x.py"), "x = a" + ".b".repeat(9_994) + "\n");
    Cli.Outcome o = assertTimeoutPreemptively(LIMIT, () -> Cli.run("ast", f.toString()));
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().startsWith("== " + f + "\nModule(body=[Assign(targets=[Name(id='x'"));
    assertFalse(o.out().contains("null"));
  }
}
