package dev.keel.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import dev.keel.testing.PythonTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keel's per-callable coverage against an independent computation from coverage.py's own line data
 * (bench/coverage-percallable.py: coverage's Python API and {@code ast}), for every function: on
 * the standard library's own tests of json, email and argparse (CPython 3.11's Lib/test, measured
 * by python3-coverage with {@code --source=json,email,argparse}) and on the calc fixture project,
 * from each of the three data formats.
 */
@Tag("differential")
class PerCallableDifferentialTest {
  static final Optional<String> COVERAGE = CoverageDifferentialTest.COVERAGE;
  static final Path SCRIPT = Path.of("../bench/coverage-percallable.py");

  @TempDir Path tmp;

  /** A python that can {@code import coverage}: the one the independent script runs on. */
  static Optional<String> pythonWithCoverage() {
    List<String> candidates = new ArrayList<>();
    Optional.ofNullable(System.getenv("KEEL_TEST_PYTHON")).ifPresent(candidates::add);
    candidates.addAll(List.of("/usr/bin/python3", "python3"));
    for (String p : candidates) {
      try {
        Process proc = new ProcessBuilder(p, "-c", "import coverage").start();
        proc.getInputStream().readAllBytes();
        if (proc.waitFor(30, TimeUnit.SECONDS) && proc.exitValue() == 0) {
          return Optional.of(p);
        }
      } catch (IOException | InterruptedException e) {
        // not this one
      }
    }
    return Optional.empty();
  }

  /** A CPython 3.11 Lib holding the test packages of json and email and test_argparse. */
  static Optional<Path> lib311WithTests() {
    List<Path> candidates = new ArrayList<>();
    PythonTools.stdlib311().ifPresent(candidates::add);
    Path pyenv =
        Path.of(
            Optional.ofNullable(System.getenv("PYENV_ROOT"))
                .orElse(System.getProperty("user.home") + "/.pyenv"),
            "versions");
    if (Files.isDirectory(pyenv)) {
      try (Stream<Path> s = Files.list(pyenv)) {
        s.filter(p -> p.getFileName().toString().startsWith("3.11."))
            .sorted()
            .forEach(p -> candidates.add(p.resolve("lib/python3.11")));
      } catch (IOException e) {
        // none there
      }
    }
    return candidates.stream()
        .filter(l -> Files.isDirectory(l.resolve("test/test_json")))
        .filter(l -> Files.isDirectory(l.resolve("test/test_email")))
        .filter(l -> Files.isRegularFile(l.resolve("test/test_argparse.py")))
        .findFirst();
  }

  /** (statements, executed, missing lines) per "path qualname line". */
  private static Map<String, String> independent(String python, Path dir) throws Exception {
    String out =
        CoverageFixtures.run(
            dir, Map.of(), python, SCRIPT.toAbsolutePath().toString(), ".coverage", ".");
    Map<String, String> rows = new TreeMap<>();
    for (String line : out.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      rows.put(f[0] + " " + f[1] + " " + f[2], f[3] + " " + f[4] + " [" + f[5] + "]");
    }
    return rows;
  }

  private static Map<String, String> keel(Path dir, String dataFile) {
    Project project =
        ProjectDiscovery.discover(List.of(dir), Optional.empty(), UnaryOperator.identity());
    ProjectCoverage coverage =
        ProjectCoverage.load(project, Optional.of(dir.resolve(dataFile))).orElseThrow();
    Map<String, String> rows = new TreeMap<>();
    for (String path : coverage.data().files().keySet()) {
      ProjectCoverage.FileReport r =
          coverage.file(path).orElseThrow(() -> new AssertionError(path));
      assertTrue(r.stale().isEmpty(), path + ": " + r.stale());
      for (CallableCoverage c : r.callables()) {
        StringBuilder missing = new StringBuilder();
        for (int l : c.missing()) {
          missing.append(missing.isEmpty() ? "" : ",").append(l);
        }
        rows.put(
            path + " " + c.name() + " " + c.line(),
            c.statements().size() + " " + c.executed().size() + " [" + missing + "]");
      }
    }
    return rows;
  }

  private static void agree(Path dir, String python, int atLeast) throws Exception {
    Map<String, String> expected = independent(python, dir);
    assertTrue(expected.size() >= atLeast, "functions measured: " + expected.size());
    for (String format : List.of("coverage.json", "coverage.xml", ".coverage")) {
      Map<String, String> actual = keel(dir, format);
      List<String> differ = new ArrayList<>();
      for (String k : new java.util.TreeSet<>(expected.keySet())) {
        if (!expected.get(k).equals(actual.get(k))) {
          differ.add(k + ": independent " + expected.get(k) + ", keel " + actual.get(k));
        }
      }
      for (String k : actual.keySet()) {
        if (!expected.containsKey(k)) {
          differ.add(k + ": keel " + actual.get(k) + ", not in the independent figures");
        }
      }
      assertEquals(List.of(), differ, format + ": " + differ.size() + " of " + expected.size());
    }
  }

  private static void measure(Path dir, Map<String, String> env, String... run) throws Exception {
    String[] command = new String[run.length + 2];
    command[0] = COVERAGE.get();
    command[1] = "run";
    System.arraycopy(run, 0, command, 2, run.length);
    CoverageFixtures.run(dir, env, command);
    CoverageFixtures.run(dir, Map.of(), COVERAGE.get(), "json", "-q", "-o", "coverage.json");
    CoverageFixtures.run(dir, Map.of(), COVERAGE.get(), "xml", "-q", "-o", "coverage.xml");
  }

  @Test
  void theStandardLibrarysOwnTestsOfJsonEmailAndArgparse() throws Exception {
    assumeTrue(COVERAGE.isPresent(), PythonTools.missing("coverage.py") + " (python3-coverage)");
    Optional<String> python = pythonWithCoverage();
    assumeTrue(python.isPresent(), PythonTools.missing("python3 that can import coverage"));
    Optional<Path> lib = lib311WithTests();
    assumeTrue(
        lib.isPresent(),
        PythonTools.missing("CPython 3.11 Lib/test with test_json, test_email, test_argparse"));
    Path dir = tmp.resolve("stdlib");
    Files.createDirectories(dir.resolve("test"));
    copy(lib.get().resolve("json"), dir.resolve("json"));
    copy(lib.get().resolve("email"), dir.resolve("email"));
    Files.copy(lib.get().resolve("argparse.py"), dir.resolve("argparse.py"));
    for (String t :
        List.of("__init__.py", "support", "test_json", "test_email", "test_argparse.py")) {
      copy(lib.get().resolve("test").resolve(t), dir.resolve("test").resolve(t));
    }
    measure(
        dir,
        Map.of("PYTHONPATH", dir.toString()),
        "--source=json,email,argparse",
        "-m",
        "unittest",
        "test.test_json",
        "test.test_email",
        "test.test_argparse");
    agree(dir, python.get(), 600);
  }

  @Test
  void theCalcFixtureProjectWithBranchData() throws Exception {
    assumeTrue(COVERAGE.isPresent(), PythonTools.missing("coverage.py") + " (python3-coverage)");
    Optional<String> python = pythonWithCoverage();
    assumeTrue(python.isPresent(), PythonTools.missing("python3 that can import coverage"));
    Path dir = CoverageFixtures.copyCalc(tmp.resolve("calc"));
    measure(dir, Map.of(), "--branch", "run_tests.py");
    agree(dir, python.get(), 15);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        if (p.toString().contains("__pycache__")) {
          continue;
        }
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.createDirectories(t.getParent());
          Files.copy(p, t);
        }
      }
    }
  }
}
