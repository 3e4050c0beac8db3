package dev.keel.rules.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.audit.Audit;
import dev.keel.audit.AuditRequest;
import dev.keel.finding.Finding;
import dev.keel.judge.JudgedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TST006, TST007 and TST009 on the shop fixture (projects/tst/coverage) read from each of
 * coverage.py's formats as it wrote them for the same run: coverage.json (6.5), Cobertura XML, the
 * .coverage SQLite file, and the same figures in coverage.py 7.6's JSON shape with function regions
 * (written by bench/coverage-percallable.py --regions). Each gives the same findings.
 */
class CoverageRulesTest {
  private static final Path FIXTURE = Path.of("src/test/resources/projects/tst/coverage");
  private static final Path DATA = Path.of("src/test/resources/coverage/shop");
  private static final List<String> SELECT = List.of("TST004", "TST006", "TST007", "TST009");

  /** Before any of the data files was written. */
  private static final FileTime MEASURED_CODE =
      FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

  @TempDir Path tmp;

  /**
   * The fixture without its data, its sources older than any data, and {@code data} as {@code
   * name}.
   */
  private Path project(String dir, Path data, String name) throws IOException {
    Path root = tmp.resolve(dir);
    try (Stream<Path> s = Files.walk(FIXTURE)) {
      for (Path p : s.toList()) {
        Path to = root.resolve(FIXTURE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else if (!p.getFileName().toString().equals("expected-findings.txt")
            && !p.getFileName().toString().equals("coverage.json")) {
          Files.copy(p, to);
          Files.setLastModifiedTime(to, MEASURED_CODE);
        }
      }
    }
    Files.createDirectories(root.resolve(".git"));
    Files.copy(data, root.resolve(name));
    return root;
  }

  private static List<String> findings(Path root, String... extra) {
    AuditRequest.Builder b =
        AuditRequest.builder(List.of(root))
            .select(SELECT)
            .withoutBaseline()
            .threads(1)
            .today(LocalDate.of(2026, 12, 1));
    if (extra.length > 0) {
      b.coverage(root.resolve(extra[0]));
    }
    return new Audit()
        .run(b.build()).findings().stream()
            .map(JudgedFinding::finding)
            .map(CoverageRulesTest::key)
            .toList();
  }

  private static String key(Finding f) {
    return f.code()
        + " "
        + f.path()
        + (f.span().isPresent() ? ":" + f.line() : "")
        + " "
        + f.message()
            .replaceAll("\\(coverage\\.json\\)|\\(coverage\\.xml\\)|\\(\\.coverage\\)", "(DATA)");
  }

  @Test
  void theThreeFormatsAndTheRegionsOfCoverage76GiveTheSameFindings() throws IOException {
    List<String> json =
        findings(project("json", FIXTURE.resolve("coverage.json"), "coverage.json"));
    List<String> xml = findings(project("xml", DATA.resolve("coverage.xml"), "coverage.xml"));
    List<String> sqlite = findings(project("sqlite", DATA.resolve(".coverage"), ".coverage"));
    List<String> regions =
        findings(project("regions", DATA.resolve("coverage-7.6.json"), "coverage.json"));
    Set<String> codes = new TreeSet<>();
    json.forEach(k -> codes.add(k.substring(0, 6)));
    assertEquals(Set.of("TST004", "TST006", "TST007", "TST009"), codes, String.join("\n", json));
    assertEquals(json, xml, "Cobertura XML");
    assertEquals(json, sqlite, ".coverage (SQLite)");
    assertEquals(json, regions, "coverage.py 7.6 JSON with function regions");
  }

  @Test
  void aDataFileNamedOnTheCommandLineOrInTheConfigurationIsRead() throws IOException {
    Path root = project("named", DATA.resolve("coverage.xml"), "reports-cov.xml");
    assertEquals(
        List.of(),
        findings(root).stream().filter(k -> !k.startsWith("TST004")).toList(),
        "no data at the usual places: nothing measured");
    List<String> named = findings(root, "reports-cov.xml");
    assertTrue(
        named.stream().anyMatch(k -> k.startsWith("TST006 src/shop/pricing.py:20")),
        named.toString());
    Files.writeString(
        root.resolve("pyproject.toml"),
        "\n[tool.keel]\ncoverage = \"reports-cov.xml\"\n".replace("[tool.keel]\n", ""),
        java.nio.file.StandardOpenOption.APPEND);
    assertEquals(named, findings(root));
  }

  @Test
  void aModuleChangedAfterTheDataWasTakenHasOneFindingAndNoneFromItsData() throws IOException {
    Path root = project("stale", FIXTURE.resolve("coverage.json"), "coverage.json");
    Instant data = Files.getLastModifiedTime(root.resolve("coverage.json")).toInstant();
    Files.setLastModifiedTime(
        root.resolve("src/shop/pricing.py"), FileTime.from(data.plusSeconds(3600)));
    List<String> found = findings(root);
    List<String> pricing = found.stream().filter(k -> k.contains("src/shop/pricing.py")).toList();
    assertEquals(1, pricing.size(), found.toString());
    assertTrue(
        pricing
            .get(0)
            .startsWith(
                "TST009 src/shop/pricing.py the coverage data (DATA) is older"
                    + " than this module: it changed after the data was taken (modified "),
        pricing.get(0));
  }

  @Test
  void aTargetOfZeroTurnsTst006Off() throws IOException {
    Path root = project("zero", FIXTURE.resolve("coverage.json"), "coverage.json");
    String toml = Files.readString(root.resolve("pyproject.toml"));
    Files.writeString(
        root.resolve("pyproject.toml"),
        toml.replace("coverage-target = 60", "coverage-target = 0"));
    List<String> found = findings(root);
    assertTrue(found.stream().noneMatch(k -> k.startsWith("TST006")), found.toString());
    assertTrue(found.stream().anyMatch(k -> k.startsWith("TST007")), found.toString());
  }

  @Test
  void aCriticalFileHasAHigherTargetAndAPrototypeNone() throws IOException {
    Path root = project("tiers", FIXTURE.resolve("coverage.json"), "coverage.json");
    List<String> standard = findings(root);
    Path toml = root.resolve("pyproject.toml");
    String base = Files.readString(toml);
    Files.writeString(toml, base + "\n[tool.keel.tiers]\ncritical = [\"src/shop/pricing.py\"]\n");
    List<String> critical = findings(root);
    List<String> tst006 =
        critical.stream().filter(k -> k.startsWith("TST006")).map(k -> k.split(" ")[1]).toList();
    assertEquals(
        List.of(
            "src/shop/pricing.py:14",
            "src/shop/pricing.py:20",
            "src/shop/pricing.py:27",
            "src/shop/pricing.py:41",
            "src/shop/pricing.py:55"),
        tst006,
        "at 80% discount (66%) and Cart.add (66%) join parse, untested and Cart.checked");
    assertTrue(
        critical.contains(
            "TST006 src/shop/pricing.py:14 shop.pricing.discount: the tests run 66% of its 3"
                + " statements (coverage target 80%); line 16 never ran"),
        critical.toString());
    assertEquals(
        standard.stream().filter(k -> !k.startsWith("TST006")).toList(),
        critical.stream().filter(k -> !k.startsWith("TST006")).toList(),
        "only TST006 depends on the tier");
    Files.writeString(toml, base + "\n[tool.keel.tiers]\nprototype = [\"src/shop/\"]\n");
    assertEquals(List.of(), findings(root), "a prototype reports no TST finding");
  }
}
