package dev.keel.cli;

import static dev.keel.cli.BadInputTest.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel baseline drops only what it judged, reads only baselines it understands, and writes only
 * where it may.
 */
class BaselineCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TODAY = "2026-11-22";

  @TempDir Path tmp;

  /** The legacy project plus two modules with an unused import each: 19 findings, 8 rules. */
  private Path project() throws IOException {
    Path p = Cli.project("legacy", tmp);
    Files.writeString(p.resolve("a.py"), "import os\n");
    Files.writeString(p.resolve("b.py"), "import sys\n");
    return p;
  }

  private static List<JsonNode> entries(Path baseline) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(baseline.toFile()).get("findings").forEach(out::add);
    return out;
  }

  private static Set<String> keys(List<JsonNode> entries) {
    Set<String> out = new TreeSet<>();
    for (JsonNode e : entries) {
      out.add(e.get("code").asText() + " " + e.get("path").asText());
    }
    return out;
  }

  private static List<JsonNode> without(List<JsonNode> all, String code, String path) {
    List<JsonNode> out = new ArrayList<>(all);
    assertTrue(
        out.removeIf(
            e -> e.get("code").asText().equals(code) && e.get("path").asText().equals(path)),
        code + " " + path + " is in the baseline");
    return out;
  }

  private Path baselined(Path p) throws IOException {
    Cli.Outcome b = Cli.run("baseline", "--today", TODAY, p.toString());
    assertEquals(0, b.code(), b.err());
    assertTrue(b.out().contains("recorded 19 findings"), b.out());
    Path file = p.resolve(".keel-baseline.json");
    Set<String> codes = new TreeSet<>();
    entries(file).forEach(e -> codes.add(e.get("code").asText().substring(0, 3)));
    assertEquals(Set.of("CFG", "DEP", "NAM", "PRJ", "TST", "TYP"), codes);
    return file;
  }

  @Test
  void selectDropsOnlyFixedEntriesOfTheSelectedRules() throws IOException {
    Path p = project();
    Path file = baselined(p);
    List<JsonNode> before = entries(file);
    // Two findings are fixed: an unused import (NAM001) and the committed .env (PRJ013). Only the
    // first is judged by --select NAM; the second must stay, since NAM rules say nothing about it.
    Files.writeString(p.resolve("a.py"), "");
    Files.delete(p.resolve(".env"));

    Cli.Outcome o = Cli.run("baseline", "--today", TODAY, "--select", "NAM", p.toString());
    assertEquals(0, o.code(), o.err());
    assertEquals(
        "Baseline .keel-baseline.json: kept 18 of 19 findings (1 fixed); 17 entries of rules or"
            + " paths this run did not check kept as they were.\n",
        o.out());
    assertEquals(without(before, "NAM001", "a.py"), entries(file));
  }

  @Test
  void ignoreKeepsTheEntriesOfTheIgnoredRules() throws IOException {
    Path p = project();
    Path file = baselined(p);
    List<JsonNode> before = entries(file);
    Files.writeString(p.resolve("a.py"), "");
    Files.delete(p.resolve(".env"));

    Cli.Outcome o = Cli.run("baseline", "--today", TODAY, "--ignore", "PRJ", p.toString());
    assertEquals(0, o.code(), o.err());
    assertEquals(without(before, "NAM001", "a.py"), entries(file));
  }

  @Test
  void aSubsetOfPathsKeepsTheEntriesOfOtherFiles() throws IOException {
    Path p = project();
    Path file = baselined(p);
    List<JsonNode> before = entries(file);
    Files.writeString(p.resolve("a.py"), "");
    Files.writeString(p.resolve("b.py"), "");

    Cli.Outcome o = Cli.run("baseline", "--today", TODAY, p.resolve("b.py").toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("kept 18 of 19 findings (1 fixed); 18 entries"), o.out());
    // a.py's import is gone too, but a.py was not checked: its entry stays until it is.
    assertEquals(without(before, "NAM001", "b.py"), entries(file));

    Cli.Outcome all = Cli.run("baseline", "--today", TODAY, p.toString());
    assertTrue(all.out().contains("kept 17 of 18 findings (1 fixed)."), all.out());
    assertEquals(without(without(before, "NAM001", "a.py"), "NAM001", "b.py"), entries(file));
  }

  @Test
  void rewriteWithSelectStillKeepsWhatItDidNotJudge() throws IOException {
    Path p = project();
    Path file = baselined(p);
    List<JsonNode> before = entries(file);
    Files.writeString(p.resolve("a.py"), "");
    Files.writeString(p.resolve("c.py"), "import json\n");
    Files.delete(p.resolve(".env"));

    Cli.Outcome o =
        Cli.run("baseline", "--rewrite", "--today", TODAY, "--select", "NAM", p.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("recorded 19 findings (1 new, 1 fixed)"), o.out());
    Set<String> expected = keys(without(before, "NAM001", "a.py"));
    expected.add("NAM001 c.py");
    assertEquals(expected, keys(entries(file)));
    assertTrue(keys(entries(file)).contains("PRJ013 .env"), "not judged, so kept");
  }

  @Test
  void unknownFieldsOfKeptEntriesSurvive() throws IOException {
    Path p = project();
    Path file = baselined(p);
    String text = Files.readString(file);
    Files.writeString(
        file,
        text.replaceFirst(
            "\"fingerprint\"", "\"note\" : \"accepted by Ana\",\n    \"fingerprint\""));
    Cli.Outcome o = Cli.run("baseline", "--today", TODAY, "--select", "NAM", p.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(Files.readString(file).contains("\"note\" : \"accepted by Ana\""));
  }

  @Test
  void aBaselineFromANewerKeelIsAnErrorNotAnEmptyBaseline() throws IOException {
    Path p = project();
    Path file = baselined(p);
    Files.writeString(
        file, Files.readString(file).replace("\"keel_baseline\" : 1", "\"keel_baseline\" : 2"));
    byte[] before = Files.readAllBytes(file);
    assertUsageError(
        Cli.run("check", "--today", TODAY, p.toString()),
        "baseline " + file + " was written by a newer Keel (format 2; this Keel reads format 1)");
    assertUsageError(
        Cli.run("baseline", "--today", TODAY, p.toString()), "was written by a newer Keel");
    assertArrayEquals(before, Files.readAllBytes(file), "left as it was");
  }

  @Test
  void baselinesOfTheWrongShapeNameTheFile() throws IOException {
    Path p = project();
    Path file = p.resolve(".keel-baseline.json");
    String[][] cases = {
      {"[1, 2]", "is not a Keel baseline: expected a JSON object with a \"findings\" array"},
      {"\"findings\"", "is not a Keel baseline"},
      {
        "{\"keel_baseline\": \"one\", \"findings\": []}",
        "has \"keel_baseline\": \"one\"; expected 1"
      },
      {"{\"keel_baseline\": 0.5, \"findings\": []}", "has \"keel_baseline\": 0.5; expected 1"},
      {"{\"findings\": {}}", "has no \"findings\" array"},
      {"{\"findings\": [1]}", "entry 1 of \"findings\" is not an object"},
      {"{\"findings\": [{\"fingerprint\": 7}]}", "entry 1 has no \"fingerprint\" string"},
      {
        "{\"findings\": [{\"fingerprint\": \"x\"}, {\"fingerprint\": \"y\", \"code\": [\"NAM\"]}]}",
        "entry 2 has a \"code\" that is not a string"
      },
      {
        "{\"findings\": [{\"fingerprint\": \"x\", \"path\": {}}]}",
        "a \"path\" that is not a string"
      },
      {"{\"findings\": [", "is not valid JSON"},
    };
    for (String[] c : cases) {
      Files.writeString(file, c[0]);
      assertUsageError(Cli.run("check", "--today", TODAY, p.toString()), "baseline " + file);
      assertUsageError(Cli.run("check", "--today", TODAY, p.toString()), c[1]);
      assertUsageError(Cli.run("baseline", "--today", TODAY, p.toString()), c[1]);
      assertEquals(c[0], Files.readString(file), "a bad baseline is not overwritten");
    }
  }

  @Test
  void aBaselineThatIsAFolderIsAnError() throws IOException {
    Path p = project();
    Files.createDirectory(p.resolve(".keel-baseline.json"));
    assertUsageError(
        Cli.run("baseline", "--today", TODAY, p.toString()),
        "baseline " + p.resolve(".keel-baseline.json") + " is a folder, not a file");
  }

  @Test
  void aCommittedLinkOutOfTheProjectIsNeverReplaced() throws IOException {
    Path p = project();
    Path outside = Files.writeString(tmp.resolve("bashrc"), "export PATH=/usr/bin\n");
    Files.createSymbolicLink(p.resolve(".keel-baseline.json"), outside);
    assertUsageError(
        Cli.run("baseline", "--rewrite", "--today", TODAY, p.toString()),
        "cannot write baseline "
            + p.resolve(".keel-baseline.json")
            + ": it is a symbolic link to "
            + outside.toRealPath()
            + "; Keel does not replace files outside the project");
    assertEquals("export PATH=/usr/bin\n", Files.readString(outside));
    assertTrue(Files.isSymbolicLink(p.resolve(".keel-baseline.json")));
  }

  @Test
  void aConfiguredBaselineOutsideTheProjectIsNeverWritten() throws IOException {
    Path p = project();
    Files.writeString(
        p.resolve("pyproject.toml"), "[tool.keel]\nbaseline = \"../elsewhere.json\"\n");
    assertUsageError(
        Cli.run("baseline", "--today", TODAY, p.toString()),
        "it is outside the project, at " + tmp.toRealPath().resolve("elsewhere.json"));
    assertTrue(Files.notExists(tmp.resolve("elsewhere.json")));
  }

  @Test
  void aPathGivenOnTheCommandLineIsWrittenWhereverItPoints() throws IOException {
    Path p = project();
    Path outside = tmp.resolve("shared/team-baseline.json");
    Files.createDirectories(outside.getParent());
    Path link = Files.createSymbolicLink(tmp.resolve("link.json"), outside);
    Cli.Outcome o =
        Cli.run("baseline", "--today", TODAY, "--baseline", link.toString(), p.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(Files.isSymbolicLink(link), "the link stays a link");
    assertEquals(19, entries(outside).size());
  }

  @Test
  void aLinkInsideTheProjectIsWrittenThrough() throws IOException {
    Path p = project();
    Path real = p.resolve("quality/baseline.json");
    Files.createDirectories(real.getParent());
    Files.writeString(real, "{\"keel_baseline\": 1, \"findings\": []}\n");
    Files.createSymbolicLink(p.resolve(".keel-baseline.json"), Path.of("quality/baseline.json"));
    Cli.Outcome o = Cli.run("baseline", "--rewrite", "--today", TODAY, p.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(Files.isSymbolicLink(p.resolve(".keel-baseline.json")));
    assertEquals(19, entries(real).size());
  }

  @Test
  void theOldFilesPermissionsAreKeptAndANewFileGetsTheUsualOnes() throws IOException {
    Path p = project();
    Path file = baselined(p);
    Path usual = Files.createFile(p.resolve("usual"));
    assertEquals(
        Files.getPosixFilePermissions(usual),
        Files.getPosixFilePermissions(file),
        "a new baseline gets what the umask gives any new file, not a temporary file's 0600");
    Set<PosixFilePermission> groupOnly = PosixFilePermissions.fromString("rw-rw----");
    Files.setPosixFilePermissions(file, groupOnly);
    Files.writeString(p.resolve("a.py"), "");
    assertEquals(0, Cli.run("baseline", "--today", TODAY, p.toString()).code());
    assertEquals(18, entries(file).size());
    assertEquals(groupOnly, Files.getPosixFilePermissions(file));
  }

  @Test
  void aFolderThatCannotHoldTheFileIsOneLineAndLeavesNothingBehind() throws IOException {
    Path p = project();
    Path file = baselined(p);
    byte[] before = Files.readAllBytes(file);
    Path impossible = p.resolve("setup.py/baseline.json");
    assertUsageError(
        Cli.run("baseline", "--today", TODAY, "--baseline", impossible.toString(), p.toString()),
        "cannot write baseline " + impossible + ": Not a directory");
    assertArrayEquals(before, Files.readAllBytes(file));
    try (Stream<Path> s = Files.list(p)) {
      assertEquals(List.of(), s.filter(f -> f.toString().endsWith(".tmp")).toList());
    }
  }
}
