package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a pre-commit hook and a CI step need from {@code keel check}: files named one by one, the
 * report in a file, an exit code that does not fail, colour and progress only where they belong.
 */
class HookCommandLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static List<String> findings(Cli.Outcome o) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode f : JSON.readTree(o.out()).get("findings")) {
      out.add(f.get("code").asText() + " " + f.get("path").asText());
    }
    return out;
  }

  @Test
  void aFileNamedAloneIsAuditedWithTheWholeProjectButOnlyItsFindingsAreReported()
      throws IOException {
    Path p = Cli.project("cycle", tmp);
    Cli.Outcome whole = Cli.run("check", "--format", "json", p.toString());
    Cli.Outcome one = Cli.run("check", "--format", "json", p.resolve("app/a.py").toString());
    // The import cycle a -> b -> a needs b's imports: it is found although only a.py was named.
    assertTrue(findings(one).contains("ARC006 app/a.py"), one.out());
    for (String f : findings(one)) {
      assertTrue(f.endsWith(" app/a.py"), "only a.py's findings: " + one.out());
    }
    List<String> ofA = new ArrayList<>();
    for (String f : findings(whole)) {
      if (f.endsWith(" app/a.py")) {
        ofA.add(f);
      }
    }
    assertEquals(ofA, findings(one), "a.py's findings are the same as in the whole run");
    JsonNode summary = JSON.readTree(one.out()).get("summary");
    assertEquals(1, summary.get("files").asInt(), one.out());
    assertEquals(5, summary.get("lines").asInt(), one.out());
  }

  @Test
  void severalFilesAsPreCommitPassesThem() throws IOException {
    Path p = Cli.project("cycle", tmp);
    Cli.Outcome o =
        Cli.run(
            "check",
            "--format",
            "json",
            p.resolve("app/b.py").toString(),
            p.resolve("app/c.py").toString());
    Set<String> paths = new TreeSet<>();
    for (String f : findings(o)) {
      paths.add(f.substring(f.indexOf(' ') + 1));
    }
    assertEquals(Set.of("app/b.py", "app/c.py"), paths, o.out());
    assertTrue(findings(o).contains("TST003 app/b.py"), o.out());
    assertEquals(2, JSON.readTree(o.out()).get("summary").get("files").asInt());
  }

  @Test
  void filesTheProjectExcludesAreNothingToCheckNotAnError() {
    Path p = Cli.project("cycle", tmp);
    Cli.Outcome o = Cli.run("check", p.resolve("migrations/m0001.py").toString());
    assertEquals(0, o.code(), o.out() + o.err());
    assertTrue(
        o.err().contains("the file named is excluded ([tool.keel] exclude or .gitignore)"),
        o.err());
    assertFalse(o.out().contains("CFG"), "the excluded file's findings are not shown: " + o.out());
  }

  @Test
  void outputWritesTheReportToAFileAndNothingToStandardOutput() throws IOException {
    Path p = Cli.project("cycle", tmp);
    Cli.Outcome printed = Cli.run("check", "--format", "json", p.toString());
    for (String format : List.of("text", "json", "sarif", "github", "junit")) {
      Path file = tmp.resolve("report." + format);
      Cli.Outcome o =
          Cli.run("check", "--format", format, "--output", file.toString(), p.toString());
      assertEquals(printed.code(), o.code(), o.err());
      assertEquals("", o.out(), format);
      assertTrue(Files.size(file) > 100, format);
    }
    assertEquals(printed.out(), Files.readString(tmp.resolve("report.json")));
    assertFalse(
        Files.readString(tmp.resolve("report.text")).contains("\u001b["), "no colour in a file");
    try (var left = Files.list(tmp)) {
      assertTrue(
          left.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary left");
    }
  }

  @Test
  void outputThatCannotBeWrittenIsAUsageErrorNamingIt() throws IOException {
    Path p = Cli.project("cycle", tmp);
    Path missing = tmp.resolve("no/such/folder/report.json");
    Cli.Outcome o = Cli.run("check", "-o", missing.toString(), p.toString());
    assertEquals(2, o.code());
    assertTrue(o.err().startsWith("keel: cannot write " + missing + ": "), o.err());
    Cli.Outcome folder = Cli.run("check", "-o", tmp.toString(), p.toString());
    assertEquals(2, folder.code());
    assertTrue(folder.err().contains("is a folder, not a file"), folder.err());
  }

  @Test
  void exitZeroPassesARunThatFindingsWouldFail() {
    Path p = Cli.project("cycle", tmp);
    Cli.Outcome failing = Cli.run("check", "--fail-on", "info", p.toString());
    assertEquals(1, failing.code(), failing.out());
    Cli.Outcome o = Cli.run("check", "--fail-on", "info", "--exit-zero", p.toString());
    assertEquals(0, o.code(), o.err());
    assertEquals(failing.out(), o.out(), "the same findings are printed");
    assertEquals(2, Cli.run("check", "--exit-zero", "--fail-on", "bad", p.toString()).code());
  }

  @Test
  void noColorAndForceColorDecideColour() {
    assertTrue(Terminal.colour(Map.of("TERM", "xterm"), true));
    assertFalse(Terminal.colour(Map.of("TERM", "xterm"), false), "a pipe gets no colour");
    assertFalse(Terminal.colour(Map.of("TERM", "dumb"), true));
    assertFalse(Terminal.colour(Map.of("TERM", "xterm", "NO_COLOR", "1"), true));
    assertTrue(
        Terminal.colour(Map.of("TERM", "xterm", "NO_COLOR", ""), true),
        "an empty NO_COLOR is not set (no-color.org)");
    assertTrue(Terminal.colour(Map.of("FORCE_COLOR", "1"), false), "FORCE_COLOR in a CI log");
    assertFalse(Terminal.colour(Map.of("TERM", "xterm", "FORCE_COLOR", "0"), true));
    assertFalse(
        Terminal.colour(Map.of("FORCE_COLOR", "1", "NO_COLOR", "1"), false), "NO_COLOR wins");
  }

  @Test
  void progressOnlyOnATerminalOutsideCi() {
    assertTrue(Terminal.progress(Map.of("TERM", "xterm"), true));
    assertFalse(Terminal.progress(Map.of("TERM", "xterm"), false), "never in a pipe or a file");
    assertFalse(Terminal.progress(Map.of("TERM", "xterm", "CI", "true"), true), "nor in CI");
    assertFalse(Terminal.progress(Map.of("TERM", "dumb"), true));
    assertFalse(Terminal.progress(Map.of("TERM", "xterm", "PRE_COMMIT", "1"), true), "in a hook");
    assertFalse(Terminal.progress(Map.of("TERM", "xterm", "KEEL_NO_PROGRESS", "1"), true));
  }

  @Test
  void theProgressLineCountsFilesThenSpinsAndIsWipedAtTheEnd() throws InterruptedException {
    StringWriter text = new StringWriter();
    TerminalProgress progress = new TerminalProgress(new PrintWriter(text), Duration.ZERO);
    progress.files(3);
    progress.fileDone();
    progress.fileDone();
    Thread.sleep(350);
    progress.project();
    Thread.sleep(350);
    progress.close();
    String s = text.toString();
    assertTrue(s.contains("\r\u001b[Kkeel: 2/3 files"), s);
    assertTrue(s.contains("project step"), s);
    assertTrue(s.endsWith("\r\u001b[K"), "the line is wiped: " + s);
  }

  @Test
  void aShortRunDrawsNoProgress() throws InterruptedException {
    StringWriter text = new StringWriter();
    TerminalProgress progress = new TerminalProgress(new PrintWriter(text), Duration.ofSeconds(1));
    progress.files(3);
    progress.fileDone();
    Thread.sleep(300);
    progress.close();
    assertEquals("", text.toString());
  }
}
