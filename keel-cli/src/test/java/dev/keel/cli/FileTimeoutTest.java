package dev.keel.cli;

import static dev.keel.cli.BadInputTest.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose analysis runs past {@code file-timeout} is abandoned with one SYN004 finding naming
 * it: the run goes on, the other files are judged as before, the output does not depend on the
 * thread count, and a baseline keeps the abandoned file's entries.
 */
@Tag("slow")
class FileTimeoutTest {
  private static final Duration GUARD = Duration.ofSeconds(120);
  private static final String ABANDONED =
      "big.py: SYN004 analysis of big.py did not finish within 0.5 s; it was abandoned [error]";

  @TempDir Path tmp;

  /**
   * A project with {@code big.py}, valid Python of 5 MB that takes about 2 s to analyse (four times
   * the 0.5 s limit of these tests; the time grows with the size, not the shape), and {@code
   * small.py} with one unused import, which takes a few milliseconds.
   */
  private Path project(String keel) throws IOException {
    Path p = Files.createDirectories(tmp.resolve("proj"));
    Files.createDirectories(p.resolve(".git"));
    Files.writeString(p.resolve("pyproject.toml"), "[project]\nname = \"demo\"\n" + keel);
    StringBuilder big = new StringBuilder("import sys\n\n\ndef table():\n    rows = []\n");
    for (int i = 0; i < 150_000; i++) {
      big.append("    rows.append((").append(i).append(", 'r").append(i).append("'))\n");
    }
    big.append("    return rows\n");
    Files.writeString(p.resolve("big.py"), big);
    Files.writeString(p.resolve("small.py"), "import os\n");
    return p;
  }

  private static Cli.Outcome check(String... args) {
    return assertTimeoutPreemptively(GUARD, () -> Cli.run(args));
  }

  @Test
  void aFileThatRunsPastTheLimitIsOneFindingAndTheRunGoesOn() throws IOException {
    Path p = project("");
    Cli.Outcome one =
        check("check", "--no-color", "--threads", "1", "--file-timeout", "0.5", p.toString());
    assertEquals(1, one.code(), one.err());
    assertEquals("", one.err());
    assertTrue(one.out().contains(ABANDONED + "\n"), one.out());
    assertTrue(one.out().contains("small.py:1:8: NAM001"), "the other file is judged");
    assertFalse(one.out().contains("big.py:1:"), "nothing else of the abandoned file");
    for (String threads : List.of("2", "4")) {
      Cli.Outcome more =
          check("check", "--no-color", "--threads", threads, "--file-timeout", "0.5", p.toString());
      assertEquals(one.out(), more.out(), "--threads " + threads);
    }
    Cli.Outcome json = check("check", "--format", "json", "--file-timeout", "0.5", p.toString());
    assertTrue(json.out().contains("\"code\" : \"SYN004\"") || json.out().contains("\"SYN004\""));
  }

  @Test
  void theSameFileWithinTheDefaultLimitIsJudgedInFull() throws IOException {
    Path p = project("");
    Cli.Outcome o = check("check", "--no-color", p.toString());
    assertFalse(o.out().contains("SYN004"), o.out());
    assertTrue(o.out().contains("big.py:1:8: NAM001"), o.out());
  }

  @Test
  void fileTimeoutInToolKeelWorksLikeTheOption() throws IOException {
    Path p = project("[tool.keel]\nfile-timeout = 0.5\n");
    Cli.Outcome o = check("check", "--no-color", p.toString());
    assertTrue(o.out().contains(ABANDONED + "\n"), o.out());
    Cli.Outcome overridden = check("check", "--no-color", "--file-timeout", "600", p.toString());
    assertFalse(overridden.out().contains("SYN004"), "the option wins over [tool.keel]");
  }

  @Test
  void aTimeoutThatIsNotAPositiveNumberOfSecondsIsOneLine() throws IOException {
    Path p = Files.createDirectories(tmp.resolve("p"));
    Files.writeString(p.resolve("a.py"), "x = 1\n");
    for (String bad : List.of("0", "-1", "1e9", "NaN")) {
      assertUsageError(
          Cli.run("check", "--file-timeout", bad, p.toString()),
          "--file-timeout must be a number of seconds above 0 and at most 86400");
    }
    assertUsageError(Cli.run("check", "--file-timeout", "soon", p.toString()), "--file-timeout");
    for (String bad : List.of("0", "-3", "1e9", "\"30\"", "[30]")) {
      Files.writeString(p.resolve("pyproject.toml"), "[tool.keel]\nfile-timeout = " + bad + "\n");
      assertUsageError(Cli.run("check", p.toString()), "[tool.keel].file-timeout of ");
    }
  }

  @Test
  void baselineKeepsTheEntriesOfAnAbandonedFile() throws IOException {
    Path p = project("");
    Path baseline = p.resolve(".keel-baseline.json");
    Cli.Outcome first = check("baseline", p.toString());
    assertEquals(0, first.code(), first.err());
    Set<String> before = keys(baseline);
    assertTrue(before.contains("NAM001 big.py"), before.toString());

    // The first run cached big.py's results; without the cache its analysis runs past the limit.
    Cli.Outcome again = check("baseline", "--no-cache", "--file-timeout", "0.5", p.toString());
    assertEquals(0, again.code(), again.err());
    assertEquals(before, keys(baseline), "nothing of big.py is dropped as fixed");
    assertTrue(again.out().contains("kept as they were"), again.out());

    // A check within the limit still finds big.py's findings in the baseline.
    Cli.Outcome check = check("check", "--no-color", p.toString());
    assertEquals(0, check.code(), check.out());
  }

  private static Set<String> keys(Path baseline) throws IOException {
    Set<String> out = new TreeSet<>();
    for (JsonNode e : new ObjectMapper().readTree(baseline.toFile()).get("findings")) {
      out.add(e.get("code").asText() + " " + e.get("path").asText());
    }
    return out;
  }
}
