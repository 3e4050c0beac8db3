package dev.keel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.config.KeelConfig;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.python.PythonParser;
import dev.keel.rule.FileRules;
import dev.keel.rule.Finding;
import dev.keel.rule.RuleDescriptor;
import dev.keel.rule.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every file-rule fixture under {@code src/test/resources/fixtures/}: the lines marked {@code
 * # expect: CODE} must be exactly the lines where the rule named by the file reports.
 */
class FileRuleFixturesTest {
  private static final Path ROOT = Path.of("src/test/resources/fixtures");
  private static final Pattern NAME = Pattern.compile("(?:test_)?([A-Z]{3}[0-9]{3}).*\\.py");
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([A-Z0-9, ]+)");

  @TestFactory
  Stream<DynamicTest> everyFixture() throws IOException {
    List<Path> fixtures;
    try (Stream<Path> s = Files.walk(ROOT)) {
      fixtures = s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
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
    String rel = ROOT.relativize(fixture).toString().replace('\\', '/');
    FileKind kind = name.startsWith("test_") ? FileKind.TEST : FileKind.SOURCE;
    ProjectFile file =
        new ProjectFile(fixture, rel, kind, Optional.of(name.replaceAll("\\.py$", "")));
    List<Finding> found =
        new FileRules(List.of(rule))
            .check(file, PythonParser.parse(bytes), KeelConfig.defaults());

    TreeMap<Integer, Integer> expected = new TreeMap<>();
    List<String> lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher e = EXPECT.matcher(lines.get(i));
      if (e.find()) {
        for (String c : e.group(1).split(",")) {
          if (c.strip().equals(code)) {
            expected.merge(i + 1, 1, Integer::sum);
          }
        }
      }
    }
    TreeSet<Integer> expectedLines = new TreeSet<>(expected.keySet());
    TreeSet<Integer> actualLines = new TreeSet<>();
    StringBuilder detail = new StringBuilder();
    for (Finding f : found) {
      assertEquals(code, f.code());
      actualLines.add(f.line());
      detail.append("\n  ").append(f.line()).append(": ").append(f.message());
    }
    assertFalse(expectedLines.isEmpty(), name + " has no line marked '# expect: " + code + "'");
    assertTrue(
        actualLines.size() < lines.size(), name + " must also have lines where " + code + " is quiet");
    assertEquals(expectedLines, actualLines, name + ": lines with findings" + detail);
  }
}
