package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's mistake gets one clear line and exit code 2, never a stack trace. */
class BadInputTest {
  @TempDir Path tmp;

  static void assertUsageError(Cli.Outcome o, String expected) {
    assertEquals(2, o.code(), "exit code; stderr was: " + o.err());
    String err = o.err().strip();
    assertFalse(err.contains("\n"), "one line only, got:\n" + err);
    assertTrue(err.startsWith("keel: "), err);
    assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
  }

  @Test
  void nonexistentPath() {
    assertUsageError(
        Cli.run("check", tmp.resolve("nope").toString()),
        "path does not exist: " + tmp.resolve("nope"));
  }

  @Test
  void fileThatIsNotPython() throws IOException {
    Path f = Files.writeString(tmp.resolve("notes.txt"), "hello");
    assertUsageError(Cli.run("check", f.toString()), "not a Python file or a folder");
  }

  @Test
  void folderWithNoPython() {
    Path p = Cli.project("no-python", tmp);
    assertUsageError(Cli.run("check", p.toString()), "no Python files found under " + p);
  }

  @Test
  void brokenToml() {
    Path p = Cli.project("broken-toml", tmp);
    assertUsageError(
        Cli.run("check", p.toString()), p.resolve("pyproject.toml") + ":3:14: invalid TOML");
  }

  @Test
  void unknownConfigKeyNamesTheKeyAndTheValidOnes() {
    Path p = Cli.project("unknown-key", tmp);
    Cli.Outcome o = Cli.run("check", p.toString());
    assertUsageError(o, "unknown key 'fail_on' in [tool.keel]");
    assertTrue(
        o.err()
            .contains(
                "valid keys: baseline, config-modules, coverage, coverage-target, cycles, exclude,"),
        o.err());
  }

  @Test
  void wrongTypeInConfig() throws IOException {
    Path p = Cli.project("tidy", tmp);
    Files.writeString(
        p.resolve("pyproject.toml"),
        "\n[tool.keel]\nselect = \"PRJ\"\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertUsageError(
        Cli.run("check", p.toString()),
        "[tool.keel].select of "
            + p.resolve("pyproject.toml")
            + " must be an array of strings, not a string");
  }

  @Test
  void configModulesThatAreNotModuleNames() throws IOException {
    Path p = Cli.project("tidy", tmp);
    Files.writeString(
        p.resolve("pyproject.toml"),
        "\n[tool.keel]\nconfig-modules = [\"src/tidy/settings.py\"]\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertUsageError(
        Cli.run("check", p.toString()),
        "[tool.keel].config-modules of "
            + p.resolve("pyproject.toml")
            + " has 'src/tidy/settings.py', which is not a dotted module name");
  }

  @Test
  void unknownRuleCodeInSelect() {
    Path p = Cli.project("tidy", tmp);
    assertUsageError(
        Cli.run("check", "--select", "PRJ,XYZ999", p.toString()),
        "unknown rule code 'XYZ999' in --select");
  }

  @Test
  void unknownRuleCodeInConfig() throws IOException {
    Path p = Cli.project("tidy", tmp);
    Files.writeString(
        p.resolve("pyproject.toml"),
        "\n[tool.keel]\nignore = [\"NOPE1\"]\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertUsageError(Cli.run("check", p.toString()), "unknown rule code 'NOPE1' in [tool.keel]");
  }

  @Test
  void anotherToolsCodeInKeelsPerFileIgnoresNamesKeelsCode() throws IOException {
    Path p = Cli.project("tidy", tmp);
    Files.writeString(
        p.resolve("pyproject.toml"),
        "\n[tool.keel.per-file-ignores]\n\"tests/**\" = [\"SEC\", \"F401\"]\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertUsageError(
        Cli.run("check", p.toString()),
        "unknown rule code 'F401' in [tool.keel.per-file-ignores] \"tests/**\" of "
            + p.resolve("pyproject.toml")
            + " (F401 is another tool's code; Keel's is NAM001)");
  }

  @Test
  void perFileIgnoresOfTheWrongShape() throws IOException {
    Path p = Cli.project("tidy", tmp);
    Files.writeString(
        p.resolve("pyproject.toml"),
        "\n[tool.keel.per-file-ignores]\n\"tests/**\" = \"SEC\"\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertUsageError(
        Cli.run("check", p.toString()),
        "pattern \"tests/**\", must be an array of rule codes, not a string");
  }

  @Test
  void aDanglingLinkIsAFindingAndTheRunGoesOn() throws IOException {
    // It used to abort the whole audit with "cannot read src/tidy/gone.py".
    Path p = Cli.project("tidy", tmp);
    Files.createSymbolicLink(p.resolve("src/tidy/gone.py"), p.resolve("src/tidy/missing.py"));
    Cli.Outcome o = Cli.run("check", "--no-color", p.toString());
    assertEquals(1, o.code(), o.err());
    assertEquals("", o.err());
    assertTrue(
        o.out()
            .contains(
                "src/tidy/gone.py: SYN002 src/tidy/gone.py is a symbolic link to a file that does"
                    + " not exist; Keel skips it"),
        o.out());
  }

  @Test
  void unknownFormat() {
    Path p = Cli.project("tidy", tmp);
    assertUsageError(Cli.run("check", "--format", "yaml", p.toString()), "--format");
  }

  @Test
  void badFailOn() {
    Path p = Cli.project("tidy", tmp);
    assertUsageError(
        Cli.run("check", "--fail-on", "fatal", p.toString()),
        "--fail-on must be error, warning or info, not 'fatal'");
  }

  @Test
  void unknownOption() {
    assertUsageError(Cli.run("check", "--frobnicate"), "Unknown option: '--frobnicate'");
  }

  @Test
  void unknownRuleToExplain() {
    assertUsageError(Cli.run("explain", "ABC123"), "unknown rule code 'ABC123'");
  }

  @Test
  void missingConfigFile() {
    Path p = Cli.project("tidy", tmp);
    assertUsageError(
        Cli.run("check", "--config", tmp.resolve("none.toml").toString(), p.toString()),
        "configuration file does not exist");
  }

  @Test
  void missingExplicitBaseline() {
    Path p = Cli.project("tidy", tmp);
    assertUsageError(
        Cli.run("check", "--baseline", tmp.resolve("b.json").toString(), p.toString()),
        "baseline file does not exist");
  }

  @Test
  void anAbsurdThreadCountIsOneLineNotACrash() {
    Path p = Cli.project("tidy", tmp);
    Cli.Outcome o = Cli.run("check", "--threads", "32768", p.toString());
    assertUsageError(o, "--threads must be between 1 and ");
    assertTrue(o.err().contains(", not 32768"), o.err());
    assertUsageError(Cli.run("baseline", "--threads", "0", p.toString()), ", not 0");
    assertEquals(
        0, Cli.run("check", "--threads", "256", "--today", "2026-11-22", p.toString()).code());
  }
}
