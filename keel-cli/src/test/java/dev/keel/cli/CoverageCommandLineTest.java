package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * coverage.py's data on the command line: where {@code check} and {@code metrics} find it, the
 * coverage column of {@code metrics}, and bad data as one line and exit code 2 with nothing lost.
 */
class CoverageCommandLineTest {
  @TempDir Path root;

  /** lines 2-4 of discount; 3 never ran. */
  static final String DATA =
      """
      {"meta": {"version": "6.5.0", "timestamp": "%s"},
       "files": {"src/shop/pricing.py": {"executed_lines": [1, 2, 4], "missing_lines": [3],
                                         "excluded_lines": []}}}
      """;

  @BeforeEach
  void project() throws IOException {
    Files.createDirectories(root.resolve(".git"));
    Files.createDirectories(root.resolve("src/shop"));
    Files.createDirectories(root.resolve("tests"));
    Files.writeString(
        root.resolve("pyproject.toml"), "[project]\nname = \"shop\"\nversion = \"1\"\n");
    Files.writeString(root.resolve("src/shop/__init__.py"), "");
    Files.writeString(
        root.resolve("src/shop/pricing.py"),
        """
        def discount(amount, percent):
            if percent > 100:
                raise ValueError(percent)
            return amount * percent
        """);
    Files.writeString(
        root.resolve("tests/test_pricing.py"),
        "from shop.pricing import discount\n\n\ndef test_discount():\n    assert discount(1, 1)\n");
    for (String p : new String[] {"src/shop/pricing.py", "tests/test_pricing.py"}) {
      Files.setLastModifiedTime(
          root.resolve(p), FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
    }
  }

  private Path data(String name) throws IOException {
    Path p = root.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, DATA.formatted("2025-06-01T10:00:00.000000"));
  }

  private static String codes(Cli.Outcome o) throws IOException {
    StringBuilder out = new StringBuilder();
    for (JsonNode f : new ObjectMapper().readTree(o.out()).get("findings")) {
      out.append(f.get("code").asText()).append(':').append(f.get("line").asInt()).append(' ');
    }
    return out.toString().strip();
  }

  @Test
  void checkReadsTheUsualPlaceTheConfiguredFileAndTheNamedOne() throws IOException {
    String[] tst = {"check", "--format", "json", "--select", "TST004,TST006,TST007,TST009"};
    Cli.Outcome none = Cli.run(concat(tst, root.toString()));
    assertEquals("TST004:1", codes(none), "without data TST004 guesses");

    data("reports/cov.json");
    Cli.Outcome named =
        Cli.run(
            concat(
                tst, "--coverage", root.resolve("reports/cov.json").toString(), root.toString()));
    assertEquals(0, named.code(), named.err());
    assertEquals("TST007:3", codes(named), "with data TST007 knows; discount ran 2 of 3: 67%");

    Files.writeString(
        root.resolve("pyproject.toml"),
        "\n[tool.keel]\ncoverage = \"reports/cov.json\"\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertEquals("TST007:3", codes(Cli.run(concat(tst, root.toString()))));

    Files.writeString(
        root.resolve("pyproject.toml"), "[project]\nname = \"shop\"\nversion = \"1\"\n");
    data("coverage.json");
    assertEquals(
        "TST007:3", codes(Cli.run(concat(tst, root.toString()))), "coverage.json at the root");
  }

  @Test
  void metricsGainsACoverageColumnWhenThereIsData() throws IOException {
    Cli.Outcome without = Cli.run("metrics", root.toString());
    assertFalse(without.out().contains("COV%"), without.out());
    data("coverage.json");
    Cli.Outcome text = Cli.run("metrics", root.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(
        text.out().lines().findFirst().orElseThrow().contains("ANN%   COV%  LOCATION"), text.out());
    assertTrue(
        text.out()
            .lines()
            .anyMatch(l -> l.contains(" 66.7  src/shop/pricing.py:1 ") && l.endsWith("discount")),
        text.out());
    assertTrue(
        text.out().lines().anyMatch(l -> l.contains("      -  tests/test_pricing.py:4")),
        text.out());

    JsonNode json =
        new ObjectMapper().readTree(Cli.run("metrics", "--format", "json", root.toString()).out());
    JsonNode discount = json.get("callables").get(0);
    assertEquals("discount", discount.get("name").asText());
    assertEquals(66.7, discount.get("coverage").get("percent").asDouble());
    assertEquals(3, discount.get("coverage").get("statements").asInt());
    assertEquals(2, discount.get("coverage").get("executed").asInt());
    assertEquals("[3]", discount.get("coverage").get("missing_lines").toString());
    assertTrue(
        json.get("callables").get(1).get("coverage").isNull(), "the test file is not in the data");
    assertEquals("coverage.json", json.get("coverage_data").get("format").asText());
  }

  @Test
  void corruptDataIsOneLineExitTwoAndNothingIsLost() throws IOException {
    Path data = root.resolve("coverage.json");
    Files.writeString(data, "{\"meta\": {\"version\": \"6.5.0\"}, \"files\": {\"src/shop/pri");
    byte[] before = Files.readAllBytes(data);
    Path report = Files.writeString(root.resolve("report.json"), "the previous report\n");
    Cli.Outcome o = Cli.run("check", "--format", "json", "-o", report.toString(), root.toString());
    BadInputTest.assertUsageError(o, data + " is not valid JSON at line 1");
    assertArrayEquals(before, Files.readAllBytes(data), "the data file is untouched");
    assertEquals("the previous report\n", Files.readString(report), "the old report is kept");
    BadInputTest.assertUsageError(Cli.run("metrics", root.toString()), "is not valid JSON");
    // A run that selects no coverage rule does not read the data.
    assertEquals(0, Cli.run("check", "--select", "SEC", root.toString()).code());
  }

  @Test
  void anotherProjectsDataIsRefused() throws IOException {
    Files.writeString(
        root.resolve("coverage.json"),
        """
        {"meta": {"version": "7.6.1"}, "files": {
          "/home/ci/work/billing/invoice.py": {"executed_lines": [1], "missing_lines": [],
                                               "excluded_lines": []}}}
        """);
    BadInputTest.assertUsageError(
        Cli.run("check", root.toString()),
        "describes 1 files, none of them in this project: is it another project's coverage data?");
  }

  @Test
  void aBillionLaughsDocumentIsRefusedNotExpanded() throws IOException {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n");
    xml.append("<!ENTITY lol \"lol\">\n");
    for (int i = 1; i < 10; i++) {
      xml.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        xml.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      }
      xml.append("\">\n");
    }
    xml.append("]>\n<coverage version=\"6.5.0\">&lol9;</coverage>\n");
    Path bomb = Files.writeString(root.resolve("coverage.xml"), xml);
    BadInputTest.assertUsageError(
        Cli.run("check", "--coverage", bomb.toString(), root.toString()),
        bomb + " declares XML entities: refused");
  }

  @Test
  void aNamedFileThatDoesNotExistAndABadTargetNameWhatToChange() throws IOException {
    BadInputTest.assertUsageError(
        Cli.run("check", "--coverage", root.resolve("nope.json").toString(), root.toString()),
        "coverage data file does not exist: " + root.resolve("nope.json"));
    Files.writeString(
        root.resolve("pyproject.toml"),
        "\n[tool.keel]\ncoverage-target = \"high\"\n",
        java.nio.file.StandardOpenOption.APPEND);
    BadInputTest.assertUsageError(
        Cli.run("check", root.toString()),
        "[tool.keel].coverage-target of " + root.resolve("pyproject.toml"));
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
