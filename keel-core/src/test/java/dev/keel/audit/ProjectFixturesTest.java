package dev.keel.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.finding.Finding;
import dev.keel.judge.JudgedFinding;
import dev.keel.testing.Expectations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-project fixtures of the project-level families: {@code projects/<family>/<name>/} is a
 * small repository, audited with {@code --select FAMILY}; its {@code expected-findings.txt} lists
 * exactly what must be found, one {@code CODE path} or {@code CODE path:line} per line (in a
 * notebook {@code CODE path:cell N:line}, the cell's index and its line; {@code #} starts a
 * comment; {@code # select: CODE, CODE} narrows the rules run). A fixture whose file is empty of
 * findings shows the family staying quiet. A failure lists each missing or unexpected finding with
 * its source line ({@link Expectations#compareKeys}). ({@code projects/prj/} has its own runner
 * with a date for end-of-life checks.)
 */
class ProjectFixturesTest {
  private static final Path ROOT = Path.of("src/test/resources/projects");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> everyProjectFixture() throws IOException {
    List<Path> fixtures = new ArrayList<>();
    try (Stream<Path> families = Files.list(ROOT)) {
      for (Path family : families.filter(Files::isDirectory).sorted().toList()) {
        if (family.getFileName().toString().equals("prj")) {
          continue;
        }
        try (Stream<Path> s = Files.list(family)) {
          s.filter(p -> Files.isRegularFile(p.resolve("expected-findings.txt")))
              .sorted()
              .forEach(fixtures::add);
        }
      }
    }
    assertFalse(fixtures.isEmpty());
    return fixtures.stream()
        .map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> check(p)));
  }

  private void check(Path fixture) throws Exception {
    String family = fixture.getParent().getFileName().toString().toUpperCase(Locale.ROOT);
    List<String> expected = new ArrayList<>();
    List<String> select = List.of(family);
    List<String> history = List.of();
    for (String line :
        Files.readAllLines(fixture.resolve("expected-findings.txt"), StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (l.startsWith("# history:")) {
        history = List.of(l.substring("# history:".length()).strip().split("\\s+"));
      } else if (l.startsWith("# select:")) {
        select = List.of(l.substring("# select:".length()).strip().split("\\s*,\\s*"));
      } else if (!l.isEmpty() && !l.startsWith("#")) {
        expected.add(l);
      }
    }
    Path root = tmp.resolve(fixture.getParent().getFileName() + "-" + fixture.getFileName());
    copy(fixture, root);
    if (history.isEmpty()) {
      Files.createDirectories(root.resolve(".git"));
    } else {
      history(root, history.get(0), Integer.parseInt(history.get(1)));
    }
    AuditRequest request =
        AuditRequest.builder(List.of(root))
            .select(select)
            .withoutBaseline()
            .threads(2)
            .today(LocalDate.of(2026, 6, 1))
            .build();
    AuditResult result = new Audit().run(request);
    List<String> actual = new ArrayList<>();
    Map<String, List<String>> messages = new TreeMap<>();
    for (JudgedFinding j : result.findings()) {
      Finding f = j.finding();
      String key =
          f.code()
              + " "
              + f.path()
              + (f.span().isPresent() && f.cell().isPresent()
                  ? ":cell " + f.cell().get().index() + ":" + f.cell().get().line()
                  : f.span().isPresent() ? ":" + f.line() : "");
      actual.add(key);
      messages.computeIfAbsent(key, k -> new ArrayList<>()).add(f.message());
    }
    List<String> problems = Expectations.compareKeys(fixture, expected, actual, messages);
    if (!problems.isEmpty()) {
      fail(fixture + "/expected-findings.txt:\n  " + String.join("\n  ", problems));
    }
  }

  /**
   * {@code # history: PATH N}: a git repository of the fixture, then N commits that each rewrite
   * every line of PATH (a trailing comment that comes and goes), the last one restoring it; every
   * file keeps the modification time it had when copied, so coverage data stays as fresh as it was.
   */
  private static void history(Path root, String path, int commits) throws Exception {
    Map<Path, java.nio.file.attribute.FileTime> times = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        times.put(p, Files.getLastModifiedTime(p));
      }
    }
    Path file = root.resolve(path);
    String original = Files.readString(file);
    org.eclipse.jgit.lib.PersonIdent who =
        new org.eclipse.jgit.lib.PersonIdent(
            "Fixture",
            "fixture@example.com",
            java.time.Instant.parse("2026-05-01T10:00:00Z"),
            java.time.ZoneOffset.UTC);
    try (org.eclipse.jgit.api.Git git =
        org.eclipse.jgit.api.Git.init().setDirectory(root.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("fixture").setAuthor(who).setCommitter(who).setSign(false).call();
      for (int i = 1; i <= commits; i++) {
        String text = original;
        if (i < commits) {
          int n = i;
          text =
              original
                  .lines()
                  .map(l -> l.isBlank() ? l : l + "  # revision " + n)
                  .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        }
        Files.writeString(file, text);
        git.add().addFilepattern(path).call();
        git.commit()
            .setMessage("change " + i)
            .setAuthor(who)
            .setCommitter(who)
            .setSign(false)
            .call();
      }
    }
    for (Map.Entry<Path, java.nio.file.attribute.FileTime> e : times.entrySet()) {
      Files.setLastModifiedTime(e.getKey(), e.getValue());
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        if (p.getFileName().toString().equals("expected-findings.txt")) {
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
