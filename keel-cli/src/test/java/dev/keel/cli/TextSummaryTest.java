package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text output a person can read on a large project: the severity as a word on every finding (so it
 * shows without colour), the counts by rule and by severity after the findings, and {@code
 * --statistics} for the counts alone.
 */
class TextSummaryTest {
  private static final String TODAY = "2026-11-22";
  private static final Pattern ROW =
      Pattern.compile("^ +(\\d+)  ([A-Z]{3}\\d{3})  (\\w+) +(\\w+)$");

  @TempDir Path tmp;

  private static Map<String, Integer> jsonCounts(Path p) throws Exception {
    JsonNode report =
        new ObjectMapper()
            .readTree(Cli.run("check", "--today", TODAY, "--format", "json", p.toString()).out());
    Map<String, Integer> out = new TreeMap<>();
    for (JsonNode f : report.get("findings")) {
      out.merge(f.get("code").asText() + " " + f.get("severity").asText(), 1, Integer::sum);
    }
    return out;
  }

  private static Map<String, Integer> rows(String out) {
    Map<String, Integer> rows = new TreeMap<>();
    for (String line : out.lines().toList()) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.put(m.group(2) + " " + m.group(3), Integer.parseInt(m.group(1)));
      }
    }
    return rows;
  }

  @Test
  void everyFindingSaysItsSeverityInWords() {
    Path p = Cli.project("legacy", tmp);
    Cli.Outcome o = Cli.run("check", "--today", TODAY, "--no-color", p.toString());
    assertFalse(o.out().contains("\u001b["), o.out());
    // .env with values committed: PRJ013 is an error.
    assertTrue(
        o.out().lines().anyMatch(l -> l.startsWith(".env:2:1: PRJ013 ") && l.endsWith(" [error]")),
        o.out());
    for (String line : o.out().lines().toList()) {
      if (line.matches("^[^ ].*:\\d+:\\d+: [A-Z]{3}\\d{3} .*")) {
        assertTrue(line.matches(".* \\[(error|warning|info)\\]$"), line);
      }
    }
  }

  @Test
  void theFindingsEndWithTheirCountsByRuleAndSeverity() throws Exception {
    Path p = Cli.project("legacy", tmp);
    Cli.Outcome o = Cli.run("check", "--today", TODAY, "--no-color", p.toString());
    assertEquals(1, o.code(), o.err());
    Map<String, Integer> expected = jsonCounts(p);
    assertEquals(expected, rows(o.out()), o.out());
    int errors =
        expected.entrySet().stream()
            .filter(e -> e.getKey().endsWith(" error"))
            .mapToInt(Map.Entry::getValue)
            .sum();
    int warnings =
        expected.entrySet().stream()
            .filter(e -> e.getKey().endsWith(" warning"))
            .mapToInt(Map.Entry::getValue)
            .sum();
    String bySeverity =
        o.out().lines().filter(l -> l.startsWith("By severity: ")).findFirst().orElseThrow();
    assertTrue(bySeverity.contains(errors + (errors == 1 ? " error" : " errors")), bySeverity);
    assertTrue(
        bySeverity.contains(warnings + (warnings == 1 ? " warning," : " warnings")), bySeverity);
    String[] lines = o.out().strip().split("\n");
    assertTrue(lines[lines.length - 1].startsWith("Found "), o.out());
  }

  @Test
  void statisticsPrintsTheCountsAndTheSummaryAlone() throws Exception {
    Path p = Cli.project("legacy", tmp);
    Cli.Outcome o = Cli.run("check", "--today", TODAY, "--no-color", "--statistics", p.toString());
    assertEquals(1, o.code(), "the exit code is the check's: " + o.err());
    assertEquals(jsonCounts(p), rows(o.out()), o.out());
    assertFalse(o.out().contains("^^^"), o.out());
    assertFalse(o.out().contains(".env:2:1:"), o.out());
    assertTrue(o.out().strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("Found "));
  }

  @Test
  void statisticsWithAnotherFormatIsAUsageError() {
    Path p = Cli.project("legacy", tmp);
    BadInputTest.assertUsageError(
        Cli.run("check", "--statistics", "--format", "json", p.toString()),
        "--statistics is a summary of the text output; it cannot be used with --format json");
  }

  @Test
  void aCleanProjectPrintsNoCounts() {
    Path p = Cli.project("tidy", tmp);
    Cli.Outcome o = Cli.run("check", "--today", TODAY, "--no-color", p.toString());
    assertEquals(0, o.code(), o.out());
    assertFalse(o.out().contains("Findings by rule"), o.out());
  }
}
