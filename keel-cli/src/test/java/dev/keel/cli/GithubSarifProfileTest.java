package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel check --format sarif has what GitHub code scanning reads ("SARIF support for code
 * scanning"): per rule, descriptions, help, tags, precision and severities; per result, a region
 * with start and end on a file that exists, and the line hash that keeps an alert matched when
 * lines move.
 */
class GithubSarifProfileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PRECISIONS = Set.of("very-high", "high", "medium", "low");
  private static final Set<String> PROBLEM_SEVERITIES =
      Set.of("error", "warning", "recommendation");

  @TempDir Path tmp;

  private static JsonNode sarif(Path project) throws Exception {
    Cli.Outcome o = Cli.run("check", "--no-cache", "--format", "sarif", project.toString());
    assertTrue(o.code() == 0 || o.code() == 1, o.err());
    return JSON.readTree(o.out()).get("runs").get(0);
  }

  @Test
  void everyRuleHasGithubsFields() throws Exception {
    JsonNode run = sarif(Cli.project("legacy", tmp));
    assertFalse(run.at("/automationDetails/id").asText().isEmpty(), run.toString());
    JsonNode rules = run.at("/tool/driver/rules");
    assertTrue(rules.size() > 50, "all rules that ran: " + rules.size());
    boolean sawSecurity = false;
    for (JsonNode r : rules) {
      String id = r.get("id").asText();
      String family = id.replaceAll("^([A-Z]*).*$", "$1");
      assertFalse(r.at("/shortDescription/text").asText().isBlank(), id);
      assertFalse(r.at("/fullDescription/text").asText().isBlank(), id);
      assertFalse(r.at("/help/text").asText().isBlank(), id);
      // help.markdown is the rule's documentation, as keel explain prints it.
      assertTrue(r.at("/help/markdown").asText().contains("## Why is this bad?"), id);
      JsonNode p = r.get("properties");
      List<String> tags = new ArrayList<>();
      p.get("tags").forEach(t -> tags.add(t.asText()));
      assertTrue(tags.contains(family), id + " " + tags);
      assertTrue(PRECISIONS.contains(p.path("precision").asText()), id + " " + p);
      assertTrue(PROBLEM_SEVERITIES.contains(p.path("problem.severity").asText()), id + " " + p);
      if (family.equals("SEC")) {
        sawSecurity = true;
        double s = Double.parseDouble(p.get("security-severity").asText());
        assertTrue(s > 0 && s <= 10, id + " " + s);
        assertTrue(tags.contains("security"), "GitHub reads security-severity only then: " + id);
      } else {
        assertFalse(p.has("security-severity"), id);
      }
    }
    assertTrue(sawSecurity);
    // The full description is the rule's "What it does", not its one-line summary again.
    Cli.Outcome explain = Cli.run("explain", "REL001");
    JsonNode rel001 = null;
    for (JsonNode r : rules) {
      if (r.get("id").asText().equals("REL001")) {
        rel001 = r;
      }
    }
    String full = rel001.at("/fullDescription/text").asText();
    assertTrue(explain.out().replaceAll("\\s+", " ").contains(full), full);
  }

  @Test
  void everyResultPointsAtAFileThatExistsWithARegion() throws Exception {
    Path project = Cli.project("legacy", tmp);
    JsonNode run = sarif(project);
    Map<String, String> missing = new HashMap<>();
    for (JsonNode r : run.get("results")) {
      JsonNode loc = r.at("/locations/0/physicalLocation");
      String uri = loc.at("/artifactLocation/uri").asText();
      assertTrue(Files.isRegularFile(project.resolve(uri)), uri + " in " + r);
      JsonNode region = loc.get("region");
      for (String k : List.of("startLine", "startColumn", "endLine", "endColumn")) {
        assertTrue(region.path(k).asInt() >= 1, k + " in " + r);
      }
      assertTrue(
          r.at("/partialFingerprints/primaryLocationLineHash").asText().matches("[0-9a-f]+:[0-9]+"),
          r.toString());
      if (r.at("/properties/keelPath").isTextual()) {
        missing.put(r.at("/properties/keelPath").asText(), uri);
        assertTrue(r.at("/message/text").asText().contains("does not exist"), r.toString());
      }
    }
    // legacy has a setup.py and no pyproject.toml, README, .gitignore or CI: those findings point
    // at setup.py, the project file the fix starts from.
    assertEquals("setup.py", missing.get("pyproject.toml"), missing.toString());
    assertEquals("setup.py", missing.get("README.md"), missing.toString());
    assertEquals("setup.py", missing.get(".gitignore"), missing.toString());
    assertEquals("setup.py", missing.get(".github/workflows/ci.yml"), missing.toString());
  }

  @Test
  void theLineHashFollowsTheLineWhenLinesMoveAndChangesWithIt() throws Exception {
    Path project = Cli.project("legacy", tmp);
    Path app = project.resolve("legacy/app.py");
    JsonNode before = resultOn(sarif(project), "CFG001");
    Files.writeString(app, "# a comment\n\n" + Files.readString(app));
    JsonNode moved = resultOn(sarif(project), "CFG001");
    assertEquals(
        before.at("/locations/0/physicalLocation/region/startLine").asInt() + 2,
        moved.at("/locations/0/physicalLocation/region/startLine").asInt());
    assertEquals(
        before.at("/partialFingerprints/primaryLocationLineHash").asText(),
        moved.at("/partialFingerprints/primaryLocationLineHash").asText());
    List<String> lines = new ArrayList<>(Files.readAllLines(app));
    int at = moved.at("/locations/0/physicalLocation/region/startLine").asInt() - 1;
    lines.set(at, lines.get(at) + "  # changed");
    Files.write(app, lines);
    assertNotEquals(
        before.at("/partialFingerprints/primaryLocationLineHash").asText(),
        resultOn(sarif(project), "CFG001")
            .at("/partialFingerprints/primaryLocationLineHash")
            .asText());
  }

  private static JsonNode resultOn(JsonNode run, String code) {
    for (JsonNode r : run.get("results")) {
      if (r.get("ruleId").asText().equals(code)) {
        return r;
      }
    }
    throw new AssertionError("no " + code + " in " + run.get("results"));
  }
}
