package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that is killed or fails half way leaves the previous baseline or pyproject.toml byte for
 * byte, and keel check still runs. Real processes: killed with SIGKILL and SIGTERM at a test hook
 * that stops the write half way ({@code keel.test.pauseMidWrite}, see AtomicFile), and stopped by
 * the kernel with a file-size limit ({@code ulimit -f}), so the write fails with EFBIG ("File too
 * large") mid-file, the closest to a full disk a test can make without mounting a file system.
 */
@Tag("slow")
class InterruptedWriteTest {
  private static final Duration GUARD = Duration.ofSeconds(120);
  private static final String TODAY = "2026-11-22";

  @TempDir Path tmp;

  /** A project whose files {@code from} to {@code to} each have ten unused imports. */
  private static void modules(Path p, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = 0; j < 10; j++) {
        s.append("import os")
            .append(j == 0 ? "" : ".path" + j)
            .append(" as alias")
            .append(j)
            .append('\n');
      }
      Files.writeString(p.resolve("m" + i + ".py"), s);
    }
  }

  private Path project() throws IOException {
    Path p = Files.createDirectories(tmp.resolve("proj"));
    Files.writeString(
        p.resolve("pyproject.toml"),
        "[project]\nname = \"demo\"\nversion = \"1.0\"\nrequires-python = \">=3.12\"\n");
    modules(p, 0, 1);
    return p;
  }

  private static byte[] baseline(Path p) throws IOException {
    Cli.Outcome b = Cli.run("baseline", "--today", TODAY, p.toString());
    assertEquals(0, b.code(), b.err());
    return Files.readAllBytes(p.resolve(".keel-baseline.json"));
  }

  private static List<Path> leftovers(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  private static void assertCheckStillRuns(Path p) {
    Cli.Outcome check = Cli.run("check", "--today", TODAY, "--no-color", p.toString());
    assertEquals("", check.err());
    assertNotEquals(2, check.code(), check.out());
    assertTrue(check.out().contains("Found ") || check.out().contains("All clear"), check.out());
  }

  /** Starts keel at the pause hook, waits until it is half way through the write, then kills it. */
  private void killMidWrite(boolean forcibly, String... args) throws Exception {
    Path marker = tmp.resolve("paused-" + System.nanoTime());
    ProcessBuilder pb =
        new ProcessBuilder(
            KeelProcess.command(List.of("-Dkeel.test.pauseMidWrite=" + marker), args));
    pb.redirectErrorStream(true);
    pb.redirectOutput(tmp.resolve("killed-output.txt").toFile());
    Process proc = pb.start();
    long deadline = System.nanoTime() + GUARD.toNanos();
    while (!Files.exists(marker)) {
      if (!proc.isAlive()) {
        throw new AssertionError(
            "keel ended before the write; it printed: "
                + Files.readString(tmp.resolve("killed-output.txt")));
      }
      if (System.nanoTime() > deadline) {
        proc.destroyForcibly();
        throw new AssertionError("keel never reached the write (hang guard)");
      }
      Thread.sleep(20);
    }
    if (forcibly) {
      proc.destroyForcibly();
    } else {
      proc.destroy();
    }
    assertTrue(proc.waitFor(30, TimeUnit.SECONDS), "keel died");
  }

  @Test
  void baselineKilledMidWriteLeavesThePreviousBaseline() throws Exception {
    for (boolean forcibly : new boolean[] {true, false}) {
      Path p = project();
      byte[] before = baseline(p);
      modules(p, 1, 40); // new findings, so the new baseline differs from the old
      killMidWrite(forcibly, "baseline", "--rewrite", "--today", TODAY, p.toString());

      assertArrayEquals(
          before,
          Files.readAllBytes(p.resolve(".keel-baseline.json")),
          (forcibly ? "kill -9" : "kill") + " mid-write left the previous baseline");
      // The half-written bytes went to a temporary file next to it, never into the baseline.
      List<Path> partial = leftovers(p);
      assertEquals(1, partial.size(), partial.toString());
      assertTrue(Files.size(partial.get(0)) > before.length / 2, "the write was under way");
      assertThrows(
          IOException.class,
          () -> new ObjectMapper().readTree(partial.get(0).toFile()),
          "the temporary file is cut half way");
      assertCheckStillRuns(p);
      Cli.Outcome json = Cli.run("check", "--today", TODAY, "--format", "json", p.toString());
      assertTrue(json.out().contains("\"baselined\" : true"), "the old baseline is in force");
      for (Path f : partial) {
        Files.delete(f);
      }
      deleteTree(p);
    }
  }

  @Test
  void initKilledMidWriteLeavesPyprojectToml() throws Exception {
    Path p = project();
    Path pyproject = p.resolve("pyproject.toml");
    byte[] before = Files.readAllBytes(pyproject);
    killMidWrite(true, "init", p.toString());

    assertArrayEquals(before, Files.readAllBytes(pyproject), "kill -9 mid-write of keel init");
    assertEquals(1, leftovers(p).size());
    assertCheckStillRuns(p);
  }

  @Test
  void baselineWriteTheKernelStopsHalfWayLeavesThePreviousBaseline() throws IOException {
    Path p = project();
    byte[] before = baseline(p);
    modules(p, 1, 200); // about 2,000 findings: a baseline of several hundred KB
    // ulimit -f counts blocks of 512 bytes (dash) or 1024 (bash): at most 16 KB either way.
    ProcessBuilder pb =
        new ProcessBuilder(
            KeelProcess.underUlimit(
                "-f 16",
                KeelProcess.command(
                    List.of(), "baseline", "--rewrite", "--today", TODAY, p.toString())));
    KeelProcess.Outcome o = KeelProcess.run(pb, tmp, GUARD);

    assertEquals(2, o.code(), o.err());
    assertEquals(
        "keel: cannot write baseline " + p.resolve(".keel-baseline.json") + ": File too large\n",
        o.err());
    assertArrayEquals(before, Files.readAllBytes(p.resolve(".keel-baseline.json")));
    assertEquals(List.of(), leftovers(p), "the temporary file is deleted on failure");
    assertCheckStillRuns(p);
  }

  @Test
  void initWriteTheKernelStopsHalfWayLeavesPyprojectToml() throws IOException {
    Path p = project();
    Path pyproject = p.resolve("pyproject.toml");
    Files.writeString(pyproject, Files.readString(pyproject) + "# a long comment\n".repeat(2000));
    byte[] before = Files.readAllBytes(pyproject);
    ProcessBuilder pb =
        new ProcessBuilder(
            KeelProcess.underUlimit("-f 16", KeelProcess.command(List.of(), "init", p.toString())));
    KeelProcess.Outcome o = KeelProcess.run(pb, tmp, GUARD);

    assertEquals(2, o.code(), o.err());
    assertEquals("keel: cannot write " + pyproject + ": File too large\n", o.err());
    assertArrayEquals(before, Files.readAllBytes(pyproject));
    assertEquals(List.of(), leftovers(p));
    assertFalse(new String(before).contains("[tool.keel]"));
    assertCheckStillRuns(p);
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
