package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel ast prints CPython's dump format, and a rejected file's error in CPython's shape. */
class AstCommandTest {
  @TempDir Path tmp;

  @Test
  void printsTheDumpInCpythonsFormat() throws IOException {
    Path f = Files.writeString(tmp.resolve("a.py"), "x = 1\n");
    Cli.Outcome o = Cli.run("ast", f.toString());
    assertEquals(0, o.code(), o.err());
    // What CPython 3.13 prints for this source with include_attributes=True, show_empty=True.
    String expected =
        "== "
            + f
            + "\nModule(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0,"
            + " end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4,"
            + " end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1,"
            + " end_col_offset=5)], type_ignores=[])\n";
    assertEquals(expected, o.out());
  }

  @Test
  void aRejectedFileGivesTheErrorAndExitOne() throws IOException {
    Path good = Files.writeString(tmp.resolve("good.py"), "pass\n");
    Path bad = Files.writeString(tmp.resolve("bad.py"), "def f(:\n    pass\n");
    Cli.Outcome o = Cli.run("ast", bad.toString(), good.toString());
    assertEquals(1, o.code());
    String[] lines = o.out().split("\n");
    assertEquals("== " + bad, lines[0]);
    assertTrue(lines[1].startsWith("SyntaxError: 1:"), lines[1]);
    assertEquals("== " + good, lines[2]);
    assertTrue(lines[3].startsWith("Module(body=[Pass("), lines[3]);
  }

  @Test
  void aMissingFileIsAUsageError() {
    Cli.Outcome o = Cli.run("ast", tmp.resolve("nope.py").toString());
    assertEquals(2, o.code());
    assertEquals("", o.out());
    assertTrue(
        o.err().startsWith("keel: cannot read ") && o.err().contains("no such file"), o.err());
    assertEquals(1, o.err().strip().lines().count());
  }

  static Path fifo(Path at) throws IOException, InterruptedException {
    Process mk = new ProcessBuilder("mkfifo", at.toString()).inheritIO().start();
    assertEquals(0, mk.waitFor());
    return at;
  }

  @Test
  void aFifoOrADeviceIsRefusedNotWaitedOn() throws Exception {
    Path fifo = fifo(tmp.resolve("y.py"));
    Path zero = Files.createSymbolicLink(tmp.resolve("zero.py"), Path.of("/dev/zero"));
    // Hang guard, not a benchmark: reading the FIFO used to wait forever, /dev/zero to fill memory.
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (Path f : List.of(fifo, zero, Path.of("/dev/zero"))) {
            Cli.Outcome o = Cli.run("ast", f.toString());
            assertEquals(2, o.code(), o.err());
            assertEquals("", o.out());
            assertEquals(
                "keel: "
                    + f
                    + " is not a regular file (a FIFO, socket or device); keel ast reads"
                    + " files\n",
                o.err());
          }
        });
  }
}
