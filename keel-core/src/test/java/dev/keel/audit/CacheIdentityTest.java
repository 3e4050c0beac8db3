package dev.keel.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.report.Format;
import dev.keel.report.Reporters;
import dev.keel.testing.PythonTools;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result cache changes nothing a user sees: on every rule's fixtures and every fixture project,
 * the JSON report is byte-identical without the cache, on a cold cache, on a warm one, after one
 * file is edited (also in place, with the same size and modification time), and for 1, 2 and 4
 * threads.
 */
class CacheIdentityTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  @TempDir Path tmp;

  private static String json(Path root, int threads, Optional<Path> cache) {
    AuditRequest.Builder b = AuditRequest.builder(List.of(root)).threads(threads).today(TODAY);
    cache.ifPresent(dir -> b.cache(Optional.of(dir)));
    AuditResult result = new Audit().run(b.build());
    StringWriter out = new StringWriter();
    try (PrintWriter w = new PrintWriter(out)) {
      Reporters.of(Format.JSON, false, false).write(result.report(), w);
    }
    return out.toString();
  }

  private static String cacheLine(Path root, Path cache) {
    AuditResult result =
        new Audit()
            .run(
                AuditRequest.builder(List.of(root)).today(TODAY).cache(Optional.of(cache)).build());
    return result.timings().cache();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p :
          files.filter(p -> !from.relativize(p).toString().startsWith("site-packages")).toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private static List<Path> corpora(Path tmp) throws IOException {
    Path fixtures = tmp.resolve("fixtures");
    copy(Path.of("src/test/resources/fixtures"), fixtures);
    List<Path> out = new java.util.ArrayList<>(List.of(fixtures));
    try (Stream<Path> families = Files.list(Path.of("src/test/resources/projects"))) {
      for (Path family : families.sorted().toList()) {
        try (Stream<Path> projects = Files.list(family)) {
          for (Path p : projects.filter(Files::isDirectory).sorted().toList()) {
            Path to =
                tmp.resolve("projects").resolve(family.getFileName()).resolve(p.getFileName());
            copy(p, to);
            out.add(to);
          }
        }
      }
    }
    return out;
  }

  private static void sameOutputEverywhere(Path root, Path cache) throws IOException {
    String plain = json(root, 1, Optional.empty());
    assertEquals(plain, json(root, 2, Optional.of(cache)), root + ": cold cache");
    for (int threads : new int[] {1, 2, 4}) {
      assertEquals(plain, json(root, threads, Optional.of(cache)), root + ": warm, " + threads);
    }
  }

  @Test
  void everyFixtureGivesTheSameReportWithAndWithoutTheCache() throws IOException {
    List<Path> corpora = corpora(tmp);
    assertTrue(corpora.size() > 10, "fixture projects found: " + corpora);
    Path cache = tmp.resolve("cache");
    for (Path root : corpora) {
      sameOutputEverywhere(root, cache);
    }
    Path fixtures = corpora.getFirst();
    String line = cacheLine(fixtures, cache);
    assertTrue(line.contains(" 0 misses") && !line.contains(" 0 hits"), line);
  }

  @Test
  void anEditedFileIsAnalysedAgainAndTheOthersComeFromTheCache() throws IOException {
    Path root = corpora(tmp).getFirst();
    Path cache = tmp.resolve("cache");
    String before = json(root, 2, Optional.of(cache));
    Path edited;
    try (Stream<Path> s = Files.walk(root)) {
      edited = s.filter(p -> p.toString().endsWith(".py")).sorted().findFirst().orElseThrow();
    }
    Files.writeString(edited, Files.readString(edited) + "\nimport os\n");
    String plain = json(root, 1, Optional.empty());
    assertNotEquals(before, plain, "the edit must show in the report");
    assertEquals(plain, json(root, 2, Optional.of(cache)));
    String line = cacheLine(root, cache);
    assertTrue(line.contains(" 0 misses"), line);
  }

  @Test
  void aFileEditedWithTheSameSizeAndTimeIsNotTakenForTheOldOne() throws IOException {
    Path root = tmp.resolve("p");
    Files.createDirectories(root.resolve("app"));
    Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"app\"\n");
    Files.writeString(root.resolve("app/__init__.py"), "");
    Path file = root.resolve("app/core.py");
    Files.writeString(file, "import os\nimport re\n\n\ndef f():\n    return re\n");
    FileTime time = Files.getLastModifiedTime(file);
    Path cache = tmp.resolve("cache");
    String first = json(root, 1, Optional.of(cache));
    assertTrue(first.contains("`os` imported but unused"), first);
    // Same length, same modification time, other content: now 're' is unused and 'os' used.
    Files.writeString(file, "import os\nimport re\n\n\ndef f():\n    return os\n");
    Files.setLastModifiedTime(file, time);
    String plain = json(root, 1, Optional.empty());
    assertTrue(plain.contains("`re` imported but unused"), plain);
    assertEquals(plain, json(root, 1, Optional.of(cache)));
  }

  @Test
  void aSettingThatChangesFindingsMissesTheCacheAndOneThatDoesNotHitsIt() throws IOException {
    Path root = tmp.resolve("p");
    Files.createDirectories(root.resolve("app"));
    Files.writeString(root.resolve("app/__init__.py"), "");
    StringBuilder branches = new StringBuilder("def f(x):\n");
    for (int i = 0; i < 5; i++) {
      branches.append("    if x == ").append(i).append(":\n        return ").append(i).append('\n');
    }
    Files.writeString(root.resolve("app/core.py"), branches + "    return -1\n");
    Path cache = tmp.resolve("cache");
    Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"app\"\n");
    json(root, 1, Optional.of(cache));
    Files.writeString(
        root.resolve("pyproject.toml"),
        "[project]\nname = \"app\"\n[tool.keel.thresholds]\nmax-complexity = 3\n");
    String plain = json(root, 1, Optional.empty());
    assertTrue(plain.contains("CPX001"), plain);
    assertEquals(plain, json(root, 1, Optional.of(cache)));
    Files.writeString(
        root.resolve("pyproject.toml"),
        "[project]\nname = \"app\"\n[tool.keel]\nfail-on = \"error\"\n"
            + "[tool.keel.thresholds]\nmax-complexity = 3\n");
    String line = cacheLine(root, cache);
    assertTrue(line.contains(" 0 misses"), "fail-on does not change a file's findings: " + line);
  }

  @Test
  @Tag("corpus")
  void theStandardLibraryGivesTheSameReportWithAndWithoutTheCache() throws IOException {
    Optional<Path> stdlib = PythonTools.stdlib311();
    assumeTrue(
        stdlib.isPresent(),
        PythonTools.missing("python3.11 standard library") + " (or set -Dkeel.stdlib=DIR)");
    // A copy: where python keeps it, the project root found above it is the Python install.
    Path lib = tmp.resolve("lib");
    copy(stdlib.get(), lib);
    sameOutputEverywhere(lib, tmp.resolve("cache"));
  }
}
