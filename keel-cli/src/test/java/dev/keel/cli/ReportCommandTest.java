package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel report} on histories a test scripts (fixed dates): the debt and its SQALE ratio and
 * rating, hotspots that rank a churned complex file above a complex one nobody touches, the trend
 * over past commits, and the three formats.
 */
class ReportCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  static String branchy(String name, int branches, int base) {
    StringBuilder b = new StringBuilder("def " + name + "(x):\n");
    for (int i = 0; i < branches; i++) {
      b.append(i == 0 ? "    if" : "    elif").append(" x == ").append(i).append(":\n");
      b.append("        return ").append(base + i).append("\n");
    }
    b.append("    return -1\n");
    return b.toString();
  }

  /**
   * A shop whose {@code busy.py} (complexity 9) changes in five more commits by two people, while
   * {@code still.py} (complexity 13) is written once; the fourth commit adds a swallowed exception.
   */
  static ScriptedRepo shop(Path dir) {
    ScriptedRepo repo = ScriptedRepo.init(dir);
    repo.write("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1.0\"\n")
        .write("shop/__init__.py", "")
        .write("shop/busy.py", branchy("price", 8, 0))
        .write("shop/still.py", branchy("legacy", 12, 0));
    repo.commit("first");
    for (int i = 1; i <= 5; i++) {
      String extra =
          i >= 3 ? "\n\ndef load():\n    try:\n        return 1\n    except:\n        pass\n" : "";
      repo.write("shop/busy.py", branchy("price", 8, 10 * i) + extra);
      repo.commit("change " + i, i % 2 == 0 ? "Grace Hopper" : "Ada Lovelace");
    }
    return repo;
  }

  private static JsonNode report(Path project, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("report", "--format", "json"));
    args.addAll(List.of(more));
    args.add(project.toString());
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    assertEquals(0, o.code(), o.err());
    return JSON.readTree(o.out());
  }

  @Test
  void aChurnedComplexFileRanksAboveAComplexFileNobodyTouches() throws IOException {
    try (ScriptedRepo repo = shop(tmp.resolve("shop"))) {
      JsonNode r = report(repo.dir);
      JsonNode spots = r.get("hotspots");
      JsonNode busy = null;
      JsonNode still = null;
      JsonNode price = null;
      for (JsonNode h : spots) {
        String where = h.get("path").asText() + " " + h.get("name").asText();
        switch (where) {
          case "shop/busy.py null" -> busy = h;
          case "shop/still.py null" -> still = h;
          case "shop/busy.py price" -> price = h;
          default -> {}
        }
      }
      assertTrue(busy != null && still != null && price != null, spots.toString());
      assertEquals(6, busy.get("changes").asInt());
      assertEquals(1, still.get("changes").asInt());
      assertEquals(2, busy.get("authors").asInt());
      assertTrue(
          still.get("complexity").asInt() > price.get("complexity").asInt(), spots.toString());
      assertTrue(busy.get("score").asLong() > still.get("score").asLong(), spots.toString());
      assertEquals("shop/busy.py", spots.get(0).get("path").asText(), "best first: " + spots);
      assertEquals(6, price.get("changes").asInt(), "every commit rewrote price's lines");
      for (int i = 1; i < spots.size(); i++) {
        assertTrue(spots.get(i - 1).get("score").asLong() >= spots.get(i).get("score").asLong());
      }
      // What to fix first sits in the hotspot.
      JsonNode first = r.get("fix_first").get(0);
      assertEquals("shop/busy.py", first.get("path").asText(), r.get("fix_first").toString());
      assertTrue(first.get("why").asText().contains("6 commits"), first.toString());
    }
  }

  @Test
  void debtRatioAndRatingFollowTheSqaleModel() throws IOException {
    try (ScriptedRepo repo = shop(tmp.resolve("shop"))) {
      JsonNode debt = report(repo.dir).get("debt");
      long minutes = debt.get("minutes").asLong();
      long loc = debt.get("lines_of_code").asLong();
      assertTrue(minutes > 0 && loc > 0, debt.toString());
      double ratio = minutes / (30.0 * loc);
      assertEquals(ratio, debt.get("ratio").asDouble(), 1e-5);
      assertEquals(expectedRating(ratio), debt.get("rating").asText());
      long sum = 0;
      for (JsonNode f : debt.get("by_family")) {
        sum += f.get("minutes").asLong();
        assertFalse(f.get("risk").asText().isBlank());
      }
      assertEquals(minutes, sum);
      long byPackage = 0;
      for (JsonNode p : debt.get("by_package")) {
        byPackage += p.get("minutes").asLong();
      }
      assertEquals(minutes, byPackage);
      // A dearer line of code makes the same debt a smaller share.
      JsonNode cheap = report(repo.dir, "--cost-per-line", "300").get("debt");
      assertEquals(minutes / (300.0 * loc), cheap.get("ratio").asDouble(), 1e-6);
      // The same minutes as keel check counts.
      Cli.Outcome check = Cli.run("check", "--format", "json", repo.dir.toString());
      assertEquals(minutes, JSON.readTree(check.out()).get("summary").get("debt_minutes").asLong());
    }
  }

  private static String expectedRating(double ratio) {
    return ratio <= 0.05 ? "A" : ratio <= 0.1 ? "B" : ratio <= 0.2 ? "C" : ratio <= 0.5 ? "D" : "E";
  }

  @Test
  void theTrendShowsPastCommitsOldestFirst() throws IOException {
    try (ScriptedRepo repo = shop(tmp.resolve("shop"))) {
      JsonNode trend = report(repo.dir, "--history", "3").get("trend");
      assertEquals(3, trend.size(), trend.toString());
      assertEquals("2024-01-01T10:00:00Z", trend.get(0).get("date").asText());
      assertEquals("2024-01-06T10:00:00Z", trend.get(2).get("date").asText());
      for (JsonNode p : trend) {
        for (String k : List.of("commit", "date", "findings", "debt_minutes", "lines", "rating")) {
          assertTrue(p.has(k), k + " in " + p);
        }
      }
      // The swallowed exception arrived in the fourth commit: debt went up.
      assertTrue(
          trend.get(2).get("debt_minutes").asLong() > trend.get(0).get("debt_minutes").asLong(),
          trend.toString());
      JsonNode all = report(repo.dir).get("trend");
      assertEquals(6, all.size(), "26 asked, 6 commits: each once");
    }
  }

  @Test
  void markdownFitsAPullRequestComment() throws IOException {
    try (ScriptedRepo repo = shop(tmp.resolve("shop"))) {
      repo.write("shop/new.py", "import os\n\ndef f():\n    eval(os.environ['X'])\n");
      Cli.Outcome o =
          Cli.run("report", "--format", "markdown", "--since", "HEAD", repo.dir.toString());
      assertEquals(0, o.code(), o.err());
      String md = o.out();
      assertTrue(md.getBytes(StandardCharsets.UTF_8).length < 64 * 1024);
      assertTrue(md.contains("**Maintainability "), md);
      assertTrue(md.contains("### Fix first"), md);
      assertTrue(md.contains("### Hotspots"), md);
      assertTrue(md.contains("### This change (since HEAD)"), md);
      assertTrue(md.contains("SEC001"), md);
    }
  }

  @Test
  void htmlIsOneSelfContainedFile() throws IOException {
    try (ScriptedRepo repo = shop(tmp.resolve("shop"))) {
      Path out = tmp.resolve("report.html");
      Cli.Outcome o = Cli.run("report", "--output", out.toString(), repo.dir.toString());
      assertEquals(0, o.code(), o.err());
      assertEquals("", o.out());
      assertTrue(o.err().startsWith("keel: wrote "), o.err());
      String html = Files.readString(out);
      assertTrue(html.startsWith("<!DOCTYPE html>"));
      assertFalse(html.contains(" src="), "nothing loaded from anywhere");
      assertFalse(html.contains("<link"), "no stylesheet from anywhere");
      assertFalse(html.contains("@import"), "no stylesheet from anywhere");
      assertTrue(html.contains("id=\"chart-trend\"") && html.contains("id=\"chart-hotspots\""));
      assertTrue(html.contains("shop/busy.py"));
    }
  }

  @Test
  void aProjectOutsideGitGetsTheDebtWithoutHistory() throws IOException {
    Path plain = tmp.resolve("plain");
    Files.createDirectories(plain);
    Files.writeString(plain.resolve("app.py"), "try:\n    x = 1\nexcept:\n    pass\n");
    JsonNode r = report(plain);
    assertTrue(r.get("debt").get("minutes").asLong() > 0);
    assertEquals(0, r.get("hotspots").size());
    assertEquals(0, r.get("trend").size());
    assertNull(r.get("commit").textValue());
    Cli.Outcome since = Cli.run("report", "--since", "HEAD", plain.toString());
    assertEquals(2, since.code());
    assertTrue(since.err().contains("not a git repository"), since.err());
  }

  /**
   * coverage.py's data on the shop: price (lines 2-18) ran 3 of its 17 statements, load (22-25) 2
   * of 4; busy.py as a whole 7 of 23.
   */
  private static void coverageOfShop(Path dir) throws IOException {
    StringBuilder missing = new StringBuilder();
    for (int l = 5; l <= 18; l++) {
      missing.append(l).append(", ");
    }
    java.nio.file.Files.writeString(
        dir.resolve("coverage.json"),
        "{\"meta\": {\"version\": \"6.5.0\"}, \"files\": {\"shop/busy.py\": {"
            + "\"executed_lines\": [1, 2, 3, 4, 21, 22, 23], \"missing_lines\": ["
            + missing
            + "24, 25], \"excluded_lines\": []}}}\n");
  }

  @Test
  void theHotspotsShowHowMuchOfThemTheTestsRun() throws IOException {
    try (ScriptedRepo repo = shop(tmp.resolve("shop"))) {
      JsonNode before = report(repo.dir);
      assertFalse(before.get("hotspots").get(0).has("coverage"), "no data, no coverage field");
      coverageOfShop(repo.dir);
      JsonNode r = report(repo.dir);
      Map<String, JsonNode> byWhere = new java.util.TreeMap<>();
      for (JsonNode h : r.get("hotspots")) {
        byWhere.put(h.get("path").asText() + " " + h.get("name").asText(), h);
      }
      assertEquals(30.4, byWhere.get("shop/busy.py null").get("coverage").asDouble());
      assertEquals(17.6, byWhere.get("shop/busy.py price").get("coverage").asDouble());
      assertTrue(byWhere.get("shop/still.py null").get("coverage").isNull(), "not measured");
      Cli.Outcome md = Cli.run("report", "--format", "markdown", repo.dir.toString());
      assertTrue(
          md.out().contains("| where | changes | complexity | debt | score | tested |"), md.out());
      assertTrue(md.out().contains("| `shop/busy.py price` | 6 | 9 |"), md.out());
      assertTrue(
          md.out()
              .lines()
              .anyMatch(l -> l.startsWith("| `shop/busy.py price`") && l.endsWith(" 18% |")),
          md.out());
      assertTrue(
          md.out().lines().anyMatch(l -> l.startsWith("| `shop/still.py`") && l.endsWith(" - |")),
          md.out());
    }
  }

  @Test
  void checkReportsAHotspotTheTestsDoNotCover() throws IOException {
    try (ScriptedRepo repo = shop(tmp.resolve("shop"))) {
      coverageOfShop(repo.dir);
      Cli.Outcome o =
          Cli.run("check", "--select", "TST008", "--format", "json", repo.dir.toString());
      JsonNode findings = JSON.readTree(o.out()).get("findings");
      assertEquals(1, findings.size(), o.out());
      assertEquals("shop/busy.py", findings.get(0).get("path").asText());
      assertEquals(1, findings.get(0).get("line").asInt());
      assertEquals(
          "shop.busy.price is a hotspot (6 commits in the last year, complexity 9) and the tests"
              + " run 17% of it (coverage target 50%): the code that changes most is the least"
              + " protected",
          findings.get(0).get("message").asText());
      assertEquals(1, o.code(), "TST008 is a warning: it fails the default fail-on");
    }
  }

  @Test
  void sinceRefACoverageFindingIsNewOnlyInAFileTheChangeTouched() throws IOException {
    try (ScriptedRepo repo = shop(tmp.resolve("shop"))) {
      coverageOfShop(repo.dir);
      String[] since = {"check", "--select", "TST008", "--format", "json", "--since", "HEAD"};
      Cli.Outcome same = Cli.run(concat(since, repo.dir.toString()));
      assertEquals(0, same.code(), same.out() + same.err());
      assertEquals(0, JSON.readTree(same.out()).get("findings").size(), "busy.py did not change");

      String extra = "\n\ndef load():\n    try:\n        return 1\n    except:\n        pass\n";
      java.nio.file.Files.writeString(
          repo.dir.resolve("shop/busy.py"), branchy("price", 8, 99) + extra);
      coverageOfShop(repo.dir); // measured again after the change
      Cli.Outcome changed = Cli.run(concat(since, repo.dir.toString()));
      JsonNode findings = JSON.readTree(changed.out()).get("findings");
      assertEquals(1, findings.size(), changed.out());
      assertEquals("TST008", findings.get(0).get("code").asText());
      assertEquals(1, changed.code());
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
