package dev.keel.cli;

import static dev.keel.cli.BadInputTest.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration a pull request can get wrong: one line on stderr, exit 2, never a trace. */
class ConfigErrorsTest {
  @TempDir Path tmp;

  private Path project() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("proj"));
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve("good.py"), "x = 1\n");
    return root;
  }

  @Test
  void toolKeelThatIsNotATable() throws IOException {
    Path root = project();
    Files.writeString(root.resolve("pyproject.toml"), "[tool]\nkeel = \"x\"\n");
    assertUsageError(
        Cli.run("check", root.toString()),
        "tool.keel in "
            + root.resolve("pyproject.toml")
            + " must be a table ([tool.keel]), not a string");
    Files.writeString(root.resolve("pyproject.toml"), "tool = 3\n");
    assertUsageError(Cli.run("check", root.toString()), "must be a table, not an integer");
  }

  @Test
  void thresholdsOutOfRange() throws IOException {
    Path root = project();
    Files.writeString(
        root.resolve("pyproject.toml"), "[tool.keel.thresholds]\nmin-annotation-coverage = 150\n");
    assertUsageError(
        Cli.run("check", root.toString()),
        "[tool.keel].thresholds.min-annotation-coverage of "
            + root.resolve("pyproject.toml")
            + " is 150; it must be between 0 and 100 (a percentage)");
    Files.writeString(
        root.resolve("pyproject.toml"), "[tool.keel.thresholds]\nmax-complexity = 0\n");
    assertUsageError(Cli.run("check", root.toString()), "it must be between 1 and 1000000");
    Files.writeString(
        root.resolve("pyproject.toml"), "[tool.keel.thresholds]\nmin-annotation-coverage = 100\n");
    assertEquals(0, Cli.run("check", "--select", "SYN", root.toString()).code());
  }

  @Test
  void keelTomlAndToolKeelBothPresent() throws IOException {
    Path root = project();
    Files.writeString(root.resolve("pyproject.toml"), "[tool.keel]\nselect = [\"SYN\"]\n");
    Files.writeString(root.resolve("keel.toml"), "select = [\"NAM\"]\n");
    assertUsageError(
        Cli.run("check", root.toString()),
        "both "
            + root.resolve("keel.toml")
            + " and [tool.keel] of "
            + root.resolve("pyproject.toml")
            + " configure Keel");
    // A pyproject.toml without [tool.keel] beside keel.toml is fine.
    Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"p\"\n");
    assertEquals(0, Cli.run("check", "--select", "SYN", root.toString()).code());
  }

  @Test
  void configurationOrBaselineThatIsAFolder() throws IOException {
    Path root = project();
    Files.createDirectories(root.resolve("pyproject.toml"));
    assertUsageError(
        Cli.run("check", root.toString()),
        root.resolve("pyproject.toml") + " is a folder, not a configuration file");
    Files.delete(root.resolve("pyproject.toml"));
    Files.createDirectories(root.resolve("keel.toml"));
    assertUsageError(
        Cli.run("check", root.toString()),
        root.resolve("keel.toml") + " is a folder, not a configuration file");
    Files.delete(root.resolve("keel.toml"));
    Files.createDirectories(root.resolve(".keel-baseline.json"));
    assertUsageError(Cli.run("check", root.toString()), "is a folder, not a file");
    assertUsageError(Cli.run("baseline", root.toString()), "is a folder, not a file");
  }

  @Test
  void absurdThreadCount() throws IOException {
    Path root = project();
    assertUsageError(Cli.run("check", "--threads", "32768", root.toString()), "--threads must be");
  }
}
