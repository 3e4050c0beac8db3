package dev.keel.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.PythonTools;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs coverage.py (Debian's {@code python3-coverage}, or {@code $KEEL_TEST_COVERAGE}) on the calc
 * fixture project and reads what it wrote in all three formats: the SQLite data file's line
 * bitmaps, its arcs (with {@code --branch}) and its contexts (per test function) must give the
 * executed lines and contexts that coverage.py's own {@code coverage json} prints; Cobertura the
 * same statements and executed lines; Keel's statement lines (what the SQLite file lacks) must be
 * coverage.py's; and per-callable coverage must be identical from the three formats.
 */
@Tag("differential")
class CoverageDifferentialTest {
  static final Optional<String> COVERAGE = PythonTools.tool("coverage", "python3-coverage");

  @TempDir static Path lines;
  @TempDir static Path branches;
  static Set<String> files;
  static JsonNode reported;

  @BeforeAll
  static void measure() throws Exception {
    assumeTrue(
        COVERAGE.isPresent(),
        PythonTools.missing("coverage.py") + " (apt-get install python3-coverage)");
    for (Path dir : List.of(lines, branches)) {
      CoverageFixtures.copyCalc(dir);
      String[] run =
          dir == branches
              ? new String[] {COVERAGE.get(), "run", "--branch", "run_tests.py"}
              : new String[] {COVERAGE.get(), "run", "run_tests.py"};
      CoverageFixtures.run(dir, Map.of(), run);
      CoverageFixtures.run(
          dir, Map.of(), COVERAGE.get(), "json", "--show-contexts", "-o", "coverage.json");
      CoverageFixtures.run(dir, Map.of(), COVERAGE.get(), "xml", "-o", "coverage.xml");
    }
    files = CoverageFixtures.pythonFiles(lines);
    reported = new ObjectMapper().readTree(lines.resolve("coverage.json").toFile());
  }

  private static CoverageData read(Path dir, String name) {
    return CoverageReader.read(dir.resolve(name), dir, files);
  }

  @Test
  void theSqliteLineBitmapsHoldTheLinesCoverageJsonReportsExecuted() {
    CoverageData sqlite = read(lines, ".coverage");
    assertEquals(CoverageData.Format.SQLITE, sqlite.format());
    assertEquals(reportedFiles(), sqlite.files().keySet());
    for (String path : reportedFiles()) {
      JsonNode f = reported.get("files").get(path);
      SortedSet<Integer> statements = numbers(f.get("executed_lines"));
      statements.addAll(numbers(f.get("missing_lines")));
      SortedSet<Integer> ran = new TreeSet<>(sqlite.file(path).orElseThrow().executed());
      ran.retainAll(statements);
      assertEquals(numbers(f.get("executed_lines")), ran, path + ": executed lines");
    }
  }

  @Test
  void theSqliteContextsAreTheTestFunctionsCoverageJsonNames() {
    // coverage json --show-contexts lists every line that ran, statement or not, as the data has it

    CoverageData sqlite = read(lines, ".coverage");
    for (String path : reportedFiles()) {
      Map<Integer, SortedSet<String>> expected = new TreeMap<>();
      JsonNode contexts = reported.get("files").get(path).get("contexts");
      for (Iterator<Map.Entry<String, JsonNode>> it = contexts.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        SortedSet<String> names = new TreeSet<>();
        e.getValue().forEach(n -> names.add(n.asText()));
        names.remove("");
        if (!names.isEmpty()) {
          expected.put(Integer.parseInt(e.getKey()), names);
        }
      }
      Map<Integer, SortedSet<String>> got =
          new TreeMap<>(sqlite.file(path).orElseThrow().contexts());
      assertEquals(expected, got, path + ": contexts per line");
    }
    assertTrue(
        sqlite.file("calc/core.py").orElseThrow().contexts().values().stream()
            .anyMatch(c -> c.contains("tests.test_core.test_divide")),
        "the dynamic context of test_divide is recorded");
  }

  @Test
  void theArcsOfBranchDataGiveTheSameExecutedLines() throws Exception {
    CoverageData arcs = read(branches, ".coverage");
    JsonNode branchJson = new ObjectMapper().readTree(branches.resolve("coverage.json").toFile());
    for (String path : reportedFiles()) {
      JsonNode f = branchJson.get("files").get(path);
      SortedSet<Integer> statements = numbers(f.get("executed_lines"));
      statements.addAll(numbers(f.get("missing_lines")));
      SortedSet<Integer> ran = new TreeSet<>(arcs.file(path).orElseThrow().executed());
      ran.retainAll(statements);
      assertEquals(numbers(f.get("executed_lines")), ran, path + ": executed lines from arcs");
    }
  }

  @Test
  void coberturaHasTheStatementsAndExecutedLinesOfCoverageJson() {
    CoverageData xml = read(lines, "coverage.xml");
    CoverageData json = read(lines, "coverage.json");
    assertEquals(CoverageData.Format.COBERTURA, xml.format());
    assertEquals(json.files().keySet(), xml.files().keySet());
    for (String path : json.files().keySet()) {
      SortedSet<Integer> docstrings =
          StatementLines.of(CoverageFixtures.parse(lines.resolve(path))).docstrings();
      SortedSet<Integer> jsonStatements =
          new TreeSet<>(json.file(path).orElseThrow().statements().orElseThrow());
      jsonStatements.removeAll(docstrings);
      SortedSet<Integer> jsonExecuted = new TreeSet<>(json.file(path).orElseThrow().executed());
      jsonExecuted.retainAll(jsonStatements);
      assertEquals(
          Optional.of(jsonStatements),
          xml.file(path).orElseThrow().statements(),
          path + ": statements");
      assertEquals(jsonExecuted, xml.file(path).orElseThrow().executed(), path + ": executed");
    }
  }

  @Test
  void keelCountsTheStatementsCoveragePyCounts() {
    // Cobertura lists coverage.py's statements as its analysis has them; its JSON (before 7.13.1)
    // adds the docstrings that ran to the executed lines, but not to num_statements.
    CoverageData xml = read(lines, "coverage.xml");
    for (String path : reportedFiles()) {
      JsonNode f = reported.get("files").get(path);
      StatementLines keel = StatementLines.of(CoverageFixtures.parse(lines.resolve(path)));
      String where = path + ": statement lines (coverage.py " + reported.get("meta").get("version");
      assertEquals(
          xml.file(path).orElseThrow().statements().orElseThrow(), keel.statements(), where);
      assertEquals(f.get("summary").get("num_statements").asInt(), keel.statements().size(), where);
      assertTrue(keel.statements().containsAll(numbers(f.get("missing_lines"))), where);
    }
  }

  @Test
  void perCallableCoverageIsTheSameFromEachFormat() {
    CoverageData json = read(lines, "coverage.json");
    CoverageData xml = read(lines, "coverage.xml");
    CoverageData sqlite = read(lines, ".coverage");
    boolean sawPartial = false;
    for (String path : json.files().keySet()) {
      var parse = CoverageFixtures.parse(lines.resolve(path));
      List<CallableCoverage> fromJson = CallableCoverage.of(parse, json.file(path).orElseThrow());
      assertEquals(
          fromJson, CallableCoverage.of(parse, xml.file(path).orElseThrow()), path + " from XML");
      assertEquals(
          fromJson,
          CallableCoverage.of(parse, sqlite.file(path).orElseThrow()),
          path + " from SQLite");
      sawPartial |= fromJson.stream().anyMatch(c -> c.percent() > 0 && c.percent() < 100);
    }
    assertTrue(sawPartial, "some callable is partly covered");
  }

  @Test
  void theCallablesOfTheFixtureHaveTheCoverageTheirTestsGiveThem() {
    CoverageData json = read(lines, "coverage.json");
    Map<String, CallableCoverage> byName = new TreeMap<>();
    for (CallableCoverage c :
        CallableCoverage.of(
            CoverageFixtures.parse(lines.resolve("calc/core.py")),
            json.file("calc/core.py").orElseThrow())) {
      byName.put(c.name(), c);
    }
    assertEquals(100.0, byName.get("add").percent());
    assertEquals(0.0, byName.get("untested").percent());
    assertEquals(Set.of(17), byName.get("divide").unexecutedRaises());
    assertEquals(Set.of(), byName.get("divide").unexecutedHandlers(), "divide(4, 'x') ran it");
    assertEquals(Set.of(57), byName.get("Account.withdraw").unexecutedRaises());
    assertEquals(Set.of(), byName.get("parse").unexecutedRaises(), "pragma: no cover excluded");
    assertEquals(0.0, byName.get("Account.report.<locals>.line").percent());
    assertFalse(byName.get("Account.report").statements().contains(51), "inner's body is its own");
  }

  private static Set<String> reportedFiles() {
    Set<String> out = new TreeSet<>();
    reported.get("files").fieldNames().forEachRemaining(out::add);
    out.retainAll(files);
    return out;
  }

  private static SortedSet<Integer> numbers(JsonNode array) {
    SortedSet<Integer> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asInt()));
    out.remove(0); // coverage.py's "line 0" of an empty module, not a line of its text
    return out;
  }
}
