package dev.keel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path tmp;

  private KeelConfig load(String file, String toml) throws IOException {
    return ConfigLoader.load(Files.writeString(tmp.resolve(file), toml));
  }

  private String error(String file, String toml) {
    return assertThrows(ConfigException.class, () -> load(file, toml)).getMessage();
  }

  @Test
  void readsEveryKey() throws IOException {
    KeelConfig c =
        load(
            "pyproject.toml",
            """
            [project]
            name = "x"

            [tool.keel]
            select = ["ARC", "SEC"]
            ignore = ["TYP002"]
            exclude = ["migrations/"]
            fail-on = "error"
            baseline = "debt.json"
            source = ["lib"]
            config-modules = ["app.settings", "app.conf.*"]

            [tool.keel.tiers]
            prototype = ["notebooks/"]
            critical = ["src/payments/"]

            [[tool.keel.layers]]
            name = "web app"
            layers = ["app.api", "app.domain", "app.infra"]

            [tool.keel.thresholds]
            max-complexity = 10
            """);
    assertEquals(List.of("ARC", "SEC"), c.select());
    assertEquals(List.of("TYP002"), c.ignore());
    assertEquals(List.of("migrations/"), c.exclude());
    assertEquals(Severity.ERROR, c.failOn());
    assertEquals(Optional.of("debt.json"), c.baseline());
    assertEquals(List.of("lib"), c.source());
    assertEquals(List.of("app.settings", "app.conf.*"), c.configModules());
    assertEquals(
        Map.of(Tier.PROTOTYPE, List.of("notebooks/"), Tier.CRITICAL, List.of("src/payments/")),
        c.tiers());
    assertEquals(
        List.of(
            new LayerContract("web app", List.of("app.api", "app.domain", "app.infra"), List.of())),
        c.layers());
    assertEquals(10, c.thresholds().maxComplexity());
    assertEquals(60, c.thresholds().maxFunctionLength());
  }

  @Test
  void pyprojectWithoutToolKeelGivesDefaults() throws IOException {
    assertEquals(KeelConfig.defaults(), load("pyproject.toml", "[project]\nname = \"x\"\n"));
  }

  @Test
  void keelTomlUsesTheTopLevel() throws IOException {
    assertEquals(List.of("PRJ"), load("keel.toml", "select = [\"PRJ\"]\n").select());
  }

  @Test
  void testsLockNewIsReportOrFail() throws IOException {
    assertTrue(load("pyproject.toml", "[tool.keel]\ntests-lock-new = \"fail\"\n").newTestsFail());
    assertEquals(
        false, load("pyproject.toml", "[tool.keel]\ntests-lock-new = \"report\"\n").newTestsFail());
    String m = error("pyproject.toml", "[tool.keel]\ntests-lock-new = \"maybe\"\n");
    assertTrue(
        m.contains("tests-lock-new of ") && m.endsWith("must be one of report, fail, not 'maybe'"),
        m);
  }

  @Test
  void unknownKeyNamesTheKeyAndTheValidOnes() {
    String m = error("pyproject.toml", "[tool.keel]\nselekt = []\n");
    assertTrue(m.startsWith("unknown key 'selekt' in [tool.keel] of "), m);
    assertTrue(
        m.endsWith(
            "(valid keys: baseline, config-modules, coverage, coverage-target, cycles, exclude, fail-on, file-timeout, ignore, layers, max-file-size, per-file-ignores, select, source,"
                + " tests-lock-new, thresholds, tiers)"),
        m);
  }

  @Test
  void wrongTypes() {
    assertTrue(
        error("keel.toml", "select = \"PRJ\"\n").contains("select of ")
            && error("keel.toml", "select = \"PRJ\"\n")
                .endsWith("must be an array of strings, not a string"));
    assertTrue(error("keel.toml", "ignore = [\"A\", 3]\n").endsWith("but item 2 is an integer"));
    assertTrue(
        error("keel.toml", "fail-on = \"fatal\"\n").endsWith("(valid: error, warning, info)"));
    assertTrue(error("keel.toml", "fail-on = 1\n").endsWith("must be a string, not an integer"));
    assertTrue(error("keel.toml", "[tiers]\nsandbox = []\n").contains("unknown tier 'sandbox'"));
    assertTrue(
        error("keel.toml", "[thresholds]\nmax-complexty = 3\n")
            .contains("unknown threshold 'max-complexty'"));
    assertTrue(
        error("keel.toml", "[thresholds]\nmax-complexity = -1\n")
            .endsWith("must be a non-negative integer"));
    assertTrue(
        error("keel.toml", "[[layers]]\nname = \"x\"\nlayers = [\"a\"]\n")
            .endsWith("must list at least two layers"));
    assertTrue(
        error("keel.toml", "[[layers]]\nnom = \"x\"\n")
            .contains("unknown key 'nom' in layers[0] of "));
  }

  @Test
  void brokenTomlGivesFileLineAndColumn() {
    String m = error("pyproject.toml", "[tool.keel]\nselect = [\"a\"\n");
    assertTrue(m.startsWith(tmp.resolve("pyproject.toml") + ":"), m);
    assertTrue(m.contains(": invalid TOML: "), m);
    assertTrue(!m.contains("\n"), m);
  }

  @Test
  void cyclesIsOneOfItsModes() {
    String m = error("pyproject.toml", "[tool.keel]\ncycles = \"sometimes\"\n");
    assertTrue(m.contains("cycles of "), m);
    assertTrue(m.endsWith("must be one of import-time, all, not 'sometimes'"), m);
  }

  @Test
  void configModulesAreDottedModuleNames() {
    String path = tmp.resolve("pyproject.toml").toString();
    assertEquals(
        "[tool.keel].config-modules of "
            + path
            + " has 'app/settings.py', which is not a dotted module name (such as"
            + " 'myapp.settings', or 'myapp.conf.*' for a package and everything in it)",
        error(
            "pyproject.toml",
            "[tool.keel]\nconfig-modules = [\"app.config\", \"app/settings.py\"]\n"));
    assertTrue(
        error("keel.toml", "config-modules = [\"app.*.settings\"]\n")
            .contains("has 'app.*.settings', which is not a dotted module name"));
    assertTrue(
        error("keel.toml", "config-modules = \"app.settings\"\n")
            .endsWith(
                "config-modules of "
                    + tmp.resolve("keel.toml")
                    + " must be an array of strings, not a string"));
    assertTrue(
        error("keel.toml", "config-modules = []\n")
            .endsWith(
                " is empty: name at least one module, or leave the key out for the conventional"
                    + " names"));
  }

  @Test
  void withoutConfigModulesTheConventionsApply() throws IOException {
    assertEquals(List.of(), load("keel.toml", "select = [\"CFG\"]\n").configModules());
  }

  @Test
  void coverageNamesTheDataFileAndCoverageTargetIsAPercentage() throws IOException {
    KeelConfig c =
        load(
            "pyproject.toml",
            "[tool.keel]\ncoverage = \"reports/coverage.xml\"\ncoverage-target = 75\n");
    assertEquals(java.util.Optional.of("reports/coverage.xml"), c.coverage());
    assertEquals(75, c.coverageTarget());
    KeelConfig defaults = load("keel.toml", "select = [\"TST\"]\n");
    assertEquals(java.util.Optional.empty(), defaults.coverage());
    assertEquals(KeelConfig.DEFAULT_COVERAGE_TARGET, defaults.coverageTarget());
    assertEquals(0, load("keel.toml", "coverage-target = 0\n").coverageTarget());
  }

  @Test
  void aCoverageSettingOfTheWrongKindNamesTheKey() {
    assertTrue(
        error("keel.toml", "coverage-target = 101\n").startsWith("coverage-target of ")
            && error("keel.toml", "coverage-target = 101\n")
                .endsWith("must be a whole percentage from 0 to 100 (such as 60), not 101"),
        error("keel.toml", "coverage-target = 101\n"));
    assertTrue(
        error("pyproject.toml", "[tool.keel]\ncoverage-target = \"high\"\n")
                .contains("[tool.keel].coverage-target of ")
            && error("pyproject.toml", "[tool.keel]\ncoverage-target = \"high\"\n")
                .endsWith(
                    "must be a percentage from 0 to 100 (such as 60), or a table of them by tier"
                        + " ({ standard = 60, critical = 90 }), not a string"));
    assertTrue(
        error("keel.toml", "coverage-target = 62.5\n").endsWith("not 62.5"),
        error("keel.toml", "coverage-target = 62.5\n"));
    assertTrue(
        error("keel.toml", "coverage = [\"a.json\"]\n").endsWith("must be a string, not an array"));
    assertTrue(error("keel.toml", "coverage = \"\"\n").contains("coverage of "));
  }

  @Test
  void coverageTargetPerTier() throws IOException {
    KeelConfig plain = load("keel.toml", "coverage-target = 60\n");
    assertEquals(60, plain.coverageTarget(Tier.STANDARD));
    assertEquals(80, plain.coverageTarget(Tier.CRITICAL), "critical: at least 80 unless set");
    assertEquals(0, plain.coverageTarget(Tier.PROTOTYPE));
    assertEquals(90, load("keel.toml", "coverage-target = 90\n").coverageTarget(Tier.CRITICAL));
    KeelConfig table = load("keel.toml", "coverage-target = { standard = 40, critical = 95 }\n");
    assertEquals(40, table.coverageTarget(Tier.STANDARD));
    assertEquals(95, table.coverageTarget(Tier.CRITICAL));
    KeelConfig critical = load("keel.toml", "[coverage-target]\ncritical = 70\n");
    assertEquals(KeelConfig.DEFAULT_COVERAGE_TARGET, critical.coverageTarget(Tier.STANDARD));
    assertEquals(70, critical.coverageTarget(Tier.CRITICAL));
    String m = error("keel.toml", "coverage-target = { prototype = 10 }\n");
    assertTrue(
        m.startsWith("unknown tier 'prototype' in coverage-target of ")
            && m.endsWith("(valid: critical, standard; prototype files have no target)"),
        m);
    String bad = error("keel.toml", "coverage-target = { critical = 120 }\n");
    assertTrue(bad.startsWith("coverage-target.critical of "), bad);
  }
}
