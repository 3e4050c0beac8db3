package dev.keel.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.audit.Audit;
import dev.keel.audit.AuditRequest;
import dev.keel.config.KeelConfig;
import dev.keel.finding.Finding;
import dev.keel.judge.JudgedFinding;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.python.PythonParser;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileRules;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleDescriptor;
import dev.keel.testing.Expectations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every file-rule fixture under {@code src/test/resources/fixtures/}, one test named by its
 * file: the lines marked {@code # expect: CODE} (or {@code # expect: CODE "message fragment"}) must
 * be exactly the lines where the rule named by the file reports, once per marker; {@code #
 * expect-file: CODE} anywhere expects a finding about the whole file (line 0). A failure lists each
 * line that is wrong, with its source ({@link Expectations}). A first line {@code # fixture-path:
 * pkg/utils.py} audits the fixture as if it were at that path. A project rule with no file step
 * (TST001 judges each test module from the summaries) is run by a whole audit of a project that
 * holds only the fixture, at that path.
 */
class FileRuleFixturesTest {
  private static final Path ROOT = Path.of("src/test/resources/fixtures");
  private static final Pattern NAME = Pattern.compile("(?:test_)?([A-Z]{3}[0-9]{3})[^/]*\\.py");
  private static final Pattern FIXTURE_PATH = Pattern.compile("#\\s*fixture-path:\\s*(\\S+)");

  @TestFactory
  Stream<DynamicTest> everyFixture() throws IOException {
    List<Path> fixtures;
    try (Stream<Path> s = Files.walk(ROOT)) {
      fixtures =
          s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
    assertFalse(fixtures.isEmpty(), "no fixtures under " + ROOT);
    return fixtures.stream()
        .map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> check(p)));
  }

  private static void check(Path fixture) throws IOException {
    String name = fixture.getFileName().toString();
    Matcher m = NAME.matcher(name);
    assertTrue(m.matches());
    String code = m.group(1);
    RuleDescriptor rule =
        RuleRegistry.standard()
            .byCode(code)
            .orElseThrow(() -> new AssertionError("fixture " + name + " names no rule"));
    byte[] bytes = Files.readAllBytes(fixture);
    List<String> lines =
        new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    String rel = ROOT.relativize(fixture).toString().replace('\\', '/');
    Matcher pathMarker = FIXTURE_PATH.matcher(lines.isEmpty() ? "" : lines.get(0));
    if (pathMarker.find()) {
      rel = pathMarker.group(1);
    }
    String relName = rel.substring(rel.lastIndexOf('/') + 1);
    FileKind kind =
        relName.startsWith("test_") || relName.endsWith("_test.py")
            ? FileKind.TEST
            : FileKind.SOURCE;
    String module = rel.replaceAll("\\.py$", "").replaceAll("/__init__$", "").replace('/', '.');
    ProjectFile file = new ProjectFile(fixture, rel, kind, Optional.of(module));
    List<Finding> found =
        rule.rule() instanceof ProjectRule && !(rule.rule() instanceof FileRule)
            ? auditAlone(fixture, rel, code)
            : new FileRules(List.of(rule))
                .check(file, PythonParser.parse(bytes), KeelConfig.defaults());

    List<Expectations.Expected> expected = Expectations.parse(lines, code);
    if (!name.contains("_quiet")) {
      assertFalse(
          expected.isEmpty(),
          name + " has no line marked '# expect: " + code + "' (or expect-file)");
    }
    List<Expectations.Reported> reported =
        found.stream()
            .map(f -> new Expectations.Reported(f.code(), f.line(), f.message()))
            .toList();
    List<String> problems = Expectations.compare(lines, expected, reported);
    if (!problems.isEmpty()) {
      fail(rel(fixture) + ":\n  " + String.join("\n  ", problems));
    }
  }

  private static String rel(Path fixture) {
    return "src/test/resources/fixtures/" + ROOT.relativize(fixture).toString().replace('\\', '/');
  }

  /** The findings of {@code code} when the fixture, at {@code rel}, is the whole project. */
  private static List<Finding> auditAlone(Path fixture, String rel, String code)
      throws IOException {
    Path root = Files.createTempDirectory("keel-fixture");
    try {
      Files.createDirectories(root.resolve(".git"));
      Path at = root.resolve(rel);
      Files.createDirectories(at.getParent());
      Files.copy(fixture, at);
      AuditRequest request =
          AuditRequest.builder(List.of(root))
              .select(List.of(code))
              .withoutBaseline()
              .threads(1)
              .today(LocalDate.of(2026, 6, 1))
              .build();
      return new Audit().run(request).findings().stream().map(JudgedFinding::finding).toList();
    } finally {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
