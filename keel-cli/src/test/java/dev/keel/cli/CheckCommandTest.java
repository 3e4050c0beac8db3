package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** keel check on small real projects, in every format, as a user runs it. */
class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TODAY = "2026-11-22";

  @TempDir Path tmp;

  private static JsonNode json(Cli.Outcome o) throws IOException {
    return JSON.readTree(o.out());
  }

  private static Set<String> codes(JsonNode report) {
    Set<String> out = new TreeSet<>();
    for (JsonNode f : report.get("findings")) {
      out.add(f.get("code").asText());
    }
    return out;
  }

  @Test
  void aWellKeptProjectIsClean() {
    Path p = Cli.project("tidy", tmp);
    Cli.Outcome o = Cli.run("check", "--today", TODAY, "--no-color", p.toString());
    assertEquals("", o.err());
    assertEquals(0, o.code(), o.out());
    assertTrue(o.out().contains("All clear"), o.out());
  }

  @Test
  void aLegacyProjectGetsProjectHygieneFindingsAndFails() throws IOException {
    Path p = Cli.project("legacy", tmp);
    Cli.Outcome o = Cli.run("check", "--today", TODAY, "--format", "json", p.toString());
    assertEquals(1, o.code(), o.err());
    JsonNode report = json(o);
    assertEquals(p.toString(), report.get("root").asText());
    assertEquals(
        Set.of(
            "PRJ001",
            "PRJ005",
            "PRJ006",
            "PRJ007",
            "PRJ008",
            "PRJ009",
            "PRJ010",
            "PRJ011",
            "PRJ012",
            "PRJ013",
            "PRJ014",
            "TYP001",
            "TYP002",
            "CFG001",
            // requirements.txt declares requests and flask, which nothing imports
            "DEP002",
            // legacy/app.py defines a function and the project has no tests
            "TST003"),
        codes(report));
    JsonNode env = null;
    for (JsonNode f : report.get("findings")) {
      if (f.get("code").asText().equals("PRJ013")) {
        env = f;
      }
    }
    assertEquals(".env", env.get("path").asText());
    assertEquals("error", env.get("severity").asText());
    assertEquals(2, env.get("line").asInt());
    assertEquals(1, env.get("column").asInt());
    assertFalse(env.get("baselined").asBoolean());
    assertEquals(
        3,
        report.get("summary").get("files").asInt(),
        "setup.py, legacy/__init__.py, legacy/app.py");
    assertEquals(8, report.get("summary").get("lines").asInt());
    assertEquals(report.get("findings").size(), report.get("summary").get("findings").asInt());
  }

  @Test
  void textOutputIsGroupedByFileWithTheSourceLine() {
    Path p = Cli.project("legacy", tmp);
    Cli.Outcome o = Cli.run("check", "--today", TODAY, "--no-color", p.toString());
    assertEquals(1, o.code());
    String out = o.out();
    assertTrue(out.contains(".env:2:1: PRJ013 "), out);
    assertTrue(out.contains("DATABASE_URL=postgres://"), out);
    assertTrue(out.contains("^^^"), out);
    assertFalse(out.contains("\u001b["), "no colour when not on a terminal");
    assertTrue(out.strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("Found "), out);
  }

  @Test
  void everyFormatIsWellFormed() throws Exception {
    Path p = Cli.project("legacy", tmp);
    JsonNode sarif =
        JSON.readTree(Cli.run("check", "--today", TODAY, "--format", "sarif", p.toString()).out());
    assertEquals("2.1.0", sarif.get("version").asText());
    assertEquals(
        json(Cli.run("check", "--today", TODAY, "--format", "json", p.toString()))
            .get("findings")
            .size(),
        sarif.get("runs").get(0).get("results").size());

    Cli.Outcome gh = Cli.run("check", "--today", TODAY, "--format", "github", p.toString());
    assertEquals(1, gh.code());
    for (String line : gh.out().strip().split("\n")) {
      assertTrue(line.matches("::(error|warning|notice) file=[^:]+::.*"), line);
    }
    assertTrue(gh.out().contains("::error file=.env,line=2,"), gh.out());

    Cli.Outcome junit = Cli.run("check", "--today", TODAY, "--format", "junit", p.toString());
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(junit.out())));
    assertTrue(doc.getElementsByTagName("failure").getLength() >= 11, junit.out());
  }

  @Test
  void outputIsTheSameWhateverTheThreadCount() {
    Path p = Cli.project("legacy", tmp);
    String one =
        Cli.run("check", "--today", TODAY, "--format", "json", "--threads", "1", p.toString())
            .out();
    String four =
        Cli.run("check", "--today", TODAY, "--format", "json", "--threads", "4", p.toString())
            .out();
    assertEquals(one, four);
  }

  @Test
  void aBaselineAcceptsTodaysDebtAndSurvivesEditsAbove() throws IOException {
    Path p = Cli.project("legacy", tmp);
    Cli.Outcome b = Cli.run("baseline", "--today", TODAY, p.toString());
    assertEquals(0, b.code(), b.err());
    assertTrue(b.out().contains("recorded 17 findings"), b.out());
    assertTrue(Files.isRegularFile(p.resolve(".keel-baseline.json")));

    Cli.Outcome clean = Cli.run("check", "--today", TODAY, "--no-color", p.toString());
    assertEquals(0, clean.code(), clean.out());
    assertTrue(clean.out().contains("17 baselined"), clean.out());

    // Lines added above the .env finding move it down; its fingerprint does not change.
    Path env = p.resolve(".env");
    Files.writeString(env, "# moved\n# down\n" + Files.readString(env));
    Cli.Outcome moved = Cli.run("check", "--today", TODAY, "--format", "json", p.toString());
    assertEquals(0, moved.code(), moved.out());
    for (JsonNode f : json(moved).get("findings")) {
      assertTrue(f.get("baselined").asBoolean(), f.toString());
    }

    // A new committed .env file is new debt: the run fails on it alone.
    Files.writeString(p.resolve(".env.production"), "API_TOKEN=abc123\n");
    Cli.Outcome fresh = Cli.run("check", "--today", TODAY, "--format", "json", p.toString());
    assertEquals(1, fresh.code());
    List<String> news = new ArrayList<>();
    for (JsonNode f : json(fresh).get("findings")) {
      if (!f.get("baselined").asBoolean()) {
        news.add(f.get("code").asText() + " " + f.get("path").asText());
      }
    }
    assertEquals(List.of("PRJ013 .env.production"), news);

    // keel baseline does not quietly accept it; --rewrite does.
    Cli.Outcome keep = Cli.run("baseline", "--today", TODAY, p.toString());
    assertTrue(keep.out().contains("1 new finding was not added"), keep.out());
    assertEquals(1, Cli.run("check", "--today", TODAY, p.toString()).code());
    assertEquals(0, Cli.run("baseline", "--rewrite", "--today", TODAY, p.toString()).code());
    assertEquals(0, Cli.run("check", "--today", TODAY, p.toString()).code());

    // Paying debt shrinks the baseline.
    Files.delete(p.resolve(".env.production"));
    Cli.Outcome shrink = Cli.run("baseline", "--today", TODAY, p.toString());
    assertTrue(shrink.out().contains("kept 17 of 18 findings (1 fixed)"), shrink.out());
  }

  @Test
  void noqaOnTheLineSuppressesThatRule() throws IOException {
    Path p = Cli.project("tidy", tmp);
    Path pyproject = p.resolve("pyproject.toml");
    String text = Files.readString(pyproject);
    Files.writeString(pyproject, text.replace("version = \"1.2.0\"", "version = \"1.2.0-beta.x\""));
    Cli.Outcome bad = Cli.run("check", "--today", TODAY, "--format", "json", p.toString());
    assertEquals(Set.of("PRJ003"), codes(json(bad)));
    assertEquals(3, json(bad).get("findings").get(0).get("line").asInt());
    Files.writeString(
        pyproject,
        text.replace("version = \"1.2.0\"", "version = \"1.2.0-beta.x\"  # noqa: PRJ003"));
    assertEquals(0, Cli.run("check", "--today", TODAY, p.toString()).code());
    Files.writeString(
        pyproject,
        text.replace("version = \"1.2.0\"", "version = \"1.2.0-beta.x\"  # keel: ignore[PRJ]"));
    assertEquals(0, Cli.run("check", "--today", TODAY, p.toString()).code());
  }

  @Test
  void failOnAndSelectDecideTheExitCode() {
    Path p = Cli.project("legacy", tmp);
    assertEquals(1, Cli.run("check", "--today", TODAY, "--fail-on", "error", p.toString()).code());
    Cli.Outcome info =
        Cli.run("check", "--today", TODAY, "--select", "PRJ014", "--no-color", p.toString());
    assertEquals(0, info.code(), "a licence finding is info, below the default fail-on");
    assertTrue(info.out().contains("PRJ014"), info.out());
    assertEquals(
        1,
        Cli.run("check", "--today", TODAY, "--select", "PRJ014", "--fail-on", "info", p.toString())
            .code());
    // Ignoring a family drops its findings: with PRJ ignored, only the info-level TST003 is left.
    Cli.Outcome ignored =
        Cli.run(
            "check",
            "--today",
            TODAY,
            "--select",
            "PRJ,TST",
            "--ignore",
            "PRJ",
            "--no-color",
            p.toString());
    assertEquals(0, ignored.code(), ignored.out());
    assertFalse(ignored.out().contains("PRJ"), ignored.out());
    assertTrue(ignored.out().contains("TST003"), ignored.out());
  }

  @Test
  void checkingASubfolderReportsOnlyWhatIsInIt() {
    Path p = Cli.project("legacy", tmp);
    Cli.Outcome o =
        Cli.run("check", "--today", TODAY, "--no-color", p.resolve("legacy").toString());
    assertEquals(0, o.code(), o.out());
    assertFalse(o.out().contains("PRJ"), o.out());
  }

  @Test
  void quietPrintsFindingsWithoutTheSummary() {
    Path p = Cli.project("legacy", tmp);
    Cli.Outcome o = Cli.run("check", "--today", TODAY, "--quiet", "--no-color", p.toString());
    assertEquals(1, o.code());
    assertTrue(o.out().contains("PRJ013"), o.out());
    assertFalse(o.out().contains("Found "), o.out());
  }

  @Test
  void configFromAnotherFile() throws IOException {
    Path p = Cli.project("legacy", tmp);
    Path cfg = Files.writeString(tmp.resolve("strict.toml"), "select = [\"PRJ013\"]\n");
    Cli.Outcome o =
        Cli.run(
            "check",
            "--today",
            TODAY,
            "--config",
            cfg.toString(),
            "--format",
            "json",
            p.toString());
    assertEquals(Set.of("PRJ013"), codes(json(o)));
  }

  @Test
  void initWritesASectionThatCheckAccepts() throws IOException {
    Path p = Cli.project("legacy", tmp);
    Files.writeString(p.resolve("pyproject.toml"), "[project]\nname = \"legacy\"\n");
    Cli.Outcome init = Cli.run("init", p.toString());
    assertEquals(0, init.code(), init.err());
    String written = Files.readString(p.resolve("pyproject.toml"), StandardCharsets.UTF_8);
    assertTrue(written.startsWith("[project]\nname = \"legacy\"\n\n[tool.keel]\n"), written);
    Cli.Outcome check = Cli.run("check", "--today", TODAY, p.toString());
    assertEquals("", check.err());
    Cli.Outcome again = Cli.run("init", p.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("already has a [tool.keel] section"), again.err());
    Cli.Outcome print = Cli.run("init", "--print", p.toString());
    assertTrue(print.out().startsWith("[tool.keel]\n"), print.out());
  }
}
