package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel check --since REF} on histories a test scripts: moving code keeps its findings
 * existing, a finding that grows is worsened, renamed files are followed, untracked files are new,
 * and the gate fails only on new or worsened findings.
 */
class CheckSinceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** Complexity 8 (max 7): if/elif chain of seven branches. */
  private static String branchy(String name, int branches) {
    StringBuilder b = new StringBuilder("def " + name + "(x):\n");
    for (int i = 0; i < branches; i++) {
      b.append(i == 0 ? "    if" : "    elif").append(" x == ").append(i).append(":\n");
      b.append("        return ").append(i).append("\n");
    }
    b.append("    return -1\n");
    return b.toString();
  }

  private static final String PYPROJECT =
      """
      [project]
      name = "shop"
      version = "1.0"
      requires-python = ">=3.12"
      """;

  private static final String SWALLOW =
      """
      def load(path):
          try:
              return open(path).read()
          except:
              pass
      """;

  private ScriptedRepo shop() {
    ScriptedRepo repo = ScriptedRepo.init(tmp.resolve("shop"));
    repo.write("pyproject.toml", PYPROJECT)
        .write("shop/__init__.py", "")
        .write("shop/prices.py", branchy("price", 8) + "\n\n" + SWALLOW);
    repo.commit("first");
    return repo;
  }

  private static JsonNode json(Cli.Outcome o) throws IOException {
    return JSON.readTree(o.out());
  }

  private static List<String> statuses(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : report.get("findings")) {
      out.add(
          f.get("code").asText() + " " + f.get("path").asText() + " " + f.get("status").asText());
    }
    return out;
  }

  private static int plainCount(Path project) throws IOException {
    return json(Cli.run("check", "--format", "json", project.toString())).get("findings").size();
  }

  @Test
  void movingCodeAndInsertingLinesAboveItKeepsEveryFindingExisting() throws IOException {
    try (ScriptedRepo repo = shop()) {
      // The same two functions, in the other order, below a new docstring and comment block.
      repo.write(
          "shop/prices.py",
          "\"\"\"Prices.\"\"\"\n\n# one\n# two\n# three\n\n"
              + SWALLOW
              + "\n\n"
              + branchy("price", 8));
      int all = plainCount(repo.dir);
      assertTrue(all >= 3, "the fixture has findings: " + all);
      Cli.Outcome o =
          Cli.run(
              "check",
              "--since",
              "HEAD",
              "--format",
              "json",
              "--fail-on",
              "info",
              repo.dir.toString());
      JsonNode report = json(o);
      assertEquals(List.of(), statuses(report), o.out());
      assertEquals(all, report.get("summary").get("existing").asInt());
      assertEquals("HEAD", report.get("summary").get("since").asText());
      assertEquals(0, o.code(), o.err());
    }
  }

  @Test
  void aFindingThatGrowsIsWorsenedAndFailsTheGate() throws IOException {
    try (ScriptedRepo repo = shop()) {
      repo.write("shop/prices.py", branchy("price", 10) + "\n\n" + SWALLOW);
      Cli.Outcome o = Cli.run("check", "--since", "HEAD", "--format", "json", repo.dir.toString());
      assertEquals(List.of("CPX001 shop/prices.py worsened"), statuses(json(o)), o.out());
      assertEquals(1, o.code());
      Cli.Outcome sarif =
          Cli.run("check", "--since", "HEAD", "--format", "sarif", repo.dir.toString());
      JsonNode results = JSON.readTree(sarif.out()).get("runs").get(0).get("results");
      assertEquals(1, results.size());
      assertEquals("updated", results.get(0).get("baselineState").asText());
      assertTrue(results.get(0).get("partialFingerprints").has("keel/v1"));
      Cli.Outcome text = Cli.run("check", "--since", "HEAD", repo.dir.toString());
      assertTrue(text.out().contains("0 added, 1 worsened"), text.out());
    }
  }

  @Test
  void aFindingThatShrinksOrStaysIsExisting() throws IOException {
    try (ScriptedRepo repo = shop()) {
      repo.write("shop/prices.py", branchy("price", 9) + "\n\n" + SWALLOW);
      repo.commit("worse");
      repo.write("shop/prices.py", branchy("price", 8) + "\n\n" + SWALLOW);
      Cli.Outcome o = Cli.run("check", "--since", "HEAD", "--format", "json", repo.dir.toString());
      assertEquals(List.of(), statuses(json(o)), o.out());
      assertEquals(0, o.code());
    }
  }

  @Test
  void aRenamedFileKeepsItsFindings() throws IOException {
    try (ScriptedRepo repo = shop()) {
      String first = repo.commit("nothing");
      repo.move("shop/prices.py", "shop/pricing.py");
      repo.write("shop/pricing.py", "# Renamed.\n\n" + repo.read("shop/pricing.py"));
      repo.commit("rename prices to pricing");
      // Committed rename, and the same rename still in the work tree only.
      for (String ref : List.of(first, "HEAD")) {
        Cli.Outcome o =
            Cli.run(
                "check",
                "--since",
                ref,
                "--format",
                "json",
                "--fail-on",
                "info",
                repo.dir.toString());
        if (ref.equals("HEAD")) {
          assertEquals(List.of(), statuses(json(o)), o.out());
        } else {
          assertEquals(
              List.of(), statuses(json(o)), "since the commit before the rename: " + o.out());
        }
        assertEquals(0, o.code(), o.err());
      }
      repo.move("shop/pricing.py", "shop/costs.py");
      Cli.Outcome uncommitted =
          Cli.run(
              "check",
              "--since",
              "HEAD",
              "--format",
              "json",
              "--fail-on",
              "info",
              repo.dir.toString());
      assertEquals(List.of(), statuses(json(uncommitted)), uncommitted.out());
    }
  }

  @Test
  void untrackedAndNewCodeIsNewAndOnlyItFails() throws IOException {
    try (ScriptedRepo repo = shop()) {
      repo.write("shop/extra.py", SWALLOW.replace("load", "fetch"));
      Cli.Outcome o = Cli.run("check", "--since", "HEAD", "--format", "json", repo.dir.toString());
      List<String> s = statuses(json(o));
      assertTrue(s.contains("REL001 shop/extra.py new"), s.toString());
      assertTrue(
          s.stream().allMatch(x -> x.contains("shop/extra.py") && x.endsWith(" new")),
          s.toString());
      assertEquals(1, o.code());
      Cli.Outcome github =
          Cli.run("check", "--since", "HEAD", "--format", "github", repo.dir.toString());
      assertTrue(github.out().contains("file=shop/extra.py"), github.out());
      assertFalse(github.out().contains("shop/prices.py"), github.out());
    }
  }

  @Test
  void aBaselinedFindingStaysBaselined() throws IOException {
    try (ScriptedRepo repo = shop()) {
      repo.write("shop/extra.py", SWALLOW.replace("load", "fetch"));
      Cli.Outcome b = Cli.run("baseline", repo.dir.toString());
      assertEquals(0, b.code(), b.err());
      Cli.Outcome o = Cli.run("check", "--since", "HEAD", "--format", "json", repo.dir.toString());
      JsonNode report = json(o);
      assertTrue(report.get("findings").size() > 0, o.out());
      for (JsonNode f : report.get("findings")) {
        assertTrue(f.get("baselined").asBoolean(), f.toString());
        assertEquals("new", f.get("status").asText());
      }
      assertEquals(0, o.code(), "baselined findings do not fail the gate");
    }
  }

  @Test
  void aRevisionWhoseCodeDoesNotParseIsJustAnotherRevision() throws IOException {
    try (ScriptedRepo repo = shop()) {
      repo.write("shop/prices.py", "def price(x:\n    return 1\n");
      repo.commit("broken");
      repo.write("shop/prices.py", branchy("price", 8) + "\n\n" + SWALLOW);
      Cli.Outcome o = Cli.run("check", "--since", "HEAD", "--format", "json", repo.dir.toString());
      List<String> s = statuses(json(o));
      assertTrue(s.contains("CPX001 shop/prices.py new"), s.toString());
      assertEquals(1, o.code(), o.err());
      assertEquals("", o.err());
    }
  }

  @Test
  void plainCheckOutputHasNoStatus() throws IOException {
    try (ScriptedRepo repo = shop()) {
      Cli.Outcome o = Cli.run("check", "--format", "json", repo.dir.toString());
      assertFalse(o.out().contains("\"status\""), o.out());
      assertFalse(o.out().contains("\"existing\""), o.out());
    }
  }

  @Test
  void errorsAreOneLineAndExitTwo() throws IOException {
    Path plain = tmp.resolve("plain");
    Files.createDirectories(plain);
    Files.writeString(plain.resolve("pyproject.toml"), PYPROJECT);
    Files.writeString(plain.resolve("app.py"), "x = 1\n");
    Cli.Outcome notGit = Cli.run("check", "--since", "HEAD", plain.toString());
    assertEquals(2, notGit.code());
    assertOneLine(notGit.err(), "not a git repository");

    try (ScriptedRepo repo = shop()) {
      Cli.Outcome unknown = Cli.run("check", "--since", "no-such-branch", repo.dir.toString());
      assertEquals(2, unknown.code());
      assertOneLine(unknown.err(), "unknown revision 'no-such-branch'");

      repo.write("shop/a.py", "a = 1\n");
      repo.commit("two");
      repo.write("shop/b.py", "b = 1\n");
      repo.commit("three");
      Path shallow = repo.shallowClone(tmp.resolve("shallow"), 1);
      Cli.Outcome missing = Cli.run("check", "--since", "HEAD~2", shallow.toString());
      assertEquals(2, missing.code(), missing.out());
      assertOneLine(missing.err(), "shallow clone");
      assertTrue(missing.err().contains("git fetch --unshallow"), missing.err());
      assertTrue(missing.err().contains("fetch-depth: 0"), missing.err());
    }
  }

  private static void assertOneLine(String err, String contains) {
    assertTrue(err.contains(contains), err);
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.startsWith("keel: "), err);
    assertFalse(err.contains("Exception"), err);
  }
}
