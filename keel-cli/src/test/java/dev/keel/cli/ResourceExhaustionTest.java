package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, a small heap, a deep stack or an absurd thread count: one line that says what to do,
 * exit code 2, and no Java trace. Real processes, since only they have a real stdout, heap and
 * stack.
 */
@Tag("slow")
class ResourceExhaustionTest {
  private static final Duration GUARD = Duration.ofSeconds(120);

  @TempDir Path tmp;

  private Path project(String pyproject) throws IOException {
    Path p = Files.createDirectories(tmp.resolve("proj"));
    Files.writeString(p.resolve("pyproject.toml"), pyproject);
    Files.writeString(p.resolve("a.py"), "import os\n");
    return p;
  }

  private static void assertOneLine(KeelProcess.Outcome o, String expected) {
    assertEquals(2, o.code(), o.err());
    assertEquals(expected + "\n", o.err());
  }

  private static void assertNoTrace(KeelProcess.Outcome o) {
    assertFalse(o.err().contains("\tat ") || o.err().contains("Exception in thread"), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
  }

  @Test
  void outputToAFullDiskIsExitTwoAndOneLine() throws IOException {
    Path p = project("[project]\nname = \"demo\"\n");
    for (String format : List.of("sarif", "text", "json")) {
      ProcessBuilder pb =
          new ProcessBuilder(
              KeelProcess.command(List.of(), "check", "--format", format, p.toString()));
      pb.redirectOutput(new File("/dev/full"));
      assertOneLine(
          KeelProcess.run(pb, tmp, GUARD),
          "keel: cannot write the output: No space left on device");
    }
    ProcessBuilder rules = new ProcessBuilder(KeelProcess.command(List.of(), "rules"));
    rules.redirectOutput(new File("/dev/full"));
    assertOneLine(
        KeelProcess.run(rules, tmp, GUARD),
        "keel: cannot write the output: No space left on device");
  }

  @Test
  void outputThatFitsStillExitsAsBefore() throws IOException {
    Path p = project("[project]\nname = \"demo\"\n");
    KeelProcess.Outcome o =
        KeelProcess.run(
            new ProcessBuilder(KeelProcess.command(List.of(), "check", "--no-color", p.toString())),
            tmp,
            GUARD);
    assertEquals(1, o.code(), o.err());
    assertEquals("", o.err());
    assertTrue(o.out().contains("a.py:1:8: NAM001"), o.out());
  }

  @Test
  void runningOutOfMemoryIsOneLineThatSaysWhatToDo() throws IOException {
    Path p = project("[project]\nname = \"demo\"\n");
    // Three files of 6.5 MB each: far more than a 32 MB heap holds once parsed.
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 400_000; i++) {
      big.append('x').append(i).append(" = ").append(i).append('\n');
    }
    for (int f = 0; f < 3; f++) {
      Files.writeString(p.resolve("big" + f + ".py"), big);
    }
    // Memory can run out at any point of the run, on a worker or on the thread that waits for
    // them; a waiting thread that met it in a latch once waited forever. Several heap sizes and
    // thread counts move the point where it runs out.
    for (String heap : List.of("-Xmx16m", "-Xmx24m", "-Xmx32m", "-Xmx48m")) {
      for (String threads : List.of("1", "2")) {
        KeelProcess.Outcome o =
            KeelProcess.run(
                new ProcessBuilder(
                    KeelProcess.command(
                        List.of(heap), "check", "--no-cache", "--threads", threads, p.toString())),
                tmp,
                GUARD);
        assertOneLine(
            o,
            "keel: out of memory reading the project; raise the heap with KEEL_JAVA_OPTS=-Xmx4g or"
                + " skip large files with --max-file-size");
        assertFalse(o.err().contains("at dev.keel"), o.err());
      }
    }

    KeelProcess.Outcome verbose =
        KeelProcess.run(
            new ProcessBuilder(
                KeelProcess.command(List.of("-Xmx32m"), "check", "--verbose", p.toString())),
            tmp,
            GUARD);
    assertEquals(2, verbose.code());
    assertTrue(verbose.err().contains("java.lang.OutOfMemoryError"), "--verbose shows the trace");
  }

  @Test
  void aStackOverflowIsOneLineWithoutATrace() throws IOException {
    // tomlj parses nested arrays recursively: 200,000 of them overflow any default stack.
    Path p =
        project(
            "[project]\nname = \"demo\"\n[tool.other]\nx = "
                + "[".repeat(200_000)
                + "]".repeat(200_000)
                + "\n");
    KeelProcess.Outcome o =
        KeelProcess.run(
            new ProcessBuilder(KeelProcess.command(List.of("-Xss1m"), "check", p.toString())),
            tmp,
            GUARD);
    assertEquals(2, o.code(), o.err());
    assertNoTrace(o);
    // Today the stack runs out; should the configuration reader bound nesting first, its own
    // one-line error is just as good.
    assertTrue(o.err().startsWith("keel: "), o.err());
    if (o.err().contains("stack")) {
      assertEquals(Main.OUT_OF_STACK + "\n", o.err());
    }
  }

  @Test
  void theLauncherPassesKeelJavaOptsAfterItsDefaults() throws Exception {
    // A copy of the launcher in a fake home, with a fake JDK whose java prints its arguments.
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.copy(Path.of("../keel"), home.resolve("keel"));
    Files.createDirectories(home.resolve(".mvn"));
    Files.copy(Path.of("../.mvn/find-jdk.sh"), home.resolve(".mvn/find-jdk.sh"));
    Files.createDirectories(home.resolve("keel-cli/target"));
    Files.writeString(home.resolve("keel-cli/target/keel.jar"), "not rebuilt: no sources here");
    Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
    Files.writeString(jdk.getParent().resolve("release"), "JAVA_VERSION=\"25\"\n");
    for (String tool : List.of("java", "javac")) {
      Path t = Files.writeString(jdk.resolve(tool), "#!/bin/sh\nfor a; do echo \"$a\"; done\n");
      Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.setPosixFilePermissions(
        home.resolve("keel"), PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder pb = new ProcessBuilder(home.resolve("keel").toString(), "check", "my dir");
    Map<String, String> env = pb.environment();
    env.put("JAVA_HOME", jdk.getParent().toString());
    env.put("KEEL_JAVA_OPTS", "-Xmx4g -Xss64m");
    KeelProcess.Outcome o = KeelProcess.run(pb, tmp, GUARD);
    assertEquals(0, o.code(), o.err());
    List<String> args = o.out().lines().toList();
    int defaults = args.indexOf("-Xss16m");
    int xmx = args.indexOf("-Xmx4g");
    int jar = args.indexOf("-jar");
    assertTrue(defaults >= 0 && defaults < xmx && xmx < jar, "order: " + args);
    assertEquals("-Xss64m", args.get(xmx + 1), "a later -Xss wins over the default");
    assertEquals(List.of("check", "my dir"), args.subList(jar + 2, args.size()));
  }
}
