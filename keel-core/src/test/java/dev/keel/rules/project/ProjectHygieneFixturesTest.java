package dev.keel.rules.project;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.rule.Rule;
import dev.keel.rule.RuleSpec;
import dev.keel.testing.Expectations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs all PRJ rules over each fixture project under {@code projects/prj/} and compares the exact
 * list of findings with the fixture's {@code expected-findings.txt}: one {@code CODE path} or
 * {@code CODE path:line} per line, {@code #} comments, and an optional {@code # today: DATE}.
 */
class ProjectHygieneFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/projects/prj");
  static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 6, 1);

  static List<String> fixtures() throws IOException {
    // Collected before the directory stream closes.
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void findingsAreExactlyTheExpectedOnes(String fixture, @TempDir Path tmp) throws IOException {
    Path source = FIXTURES.resolve(fixture);
    List<String> lines =
        Files.readAllLines(source.resolve("expected-findings.txt"), StandardCharsets.UTF_8);
    LocalDate today = DEFAULT_TODAY;
    List<String> expected = new ArrayList<>();
    for (String line : lines) {
      String l = line.strip();
      if (l.startsWith("# today:")) {
        today = LocalDate.parse(l.substring("# today:".length()).strip());
      } else if (!l.isEmpty() && !l.startsWith("#")) {
        expected.add(l);
      }
    }
    Path root = PrjRun.copyAsRepository(source, tmp.resolve(fixture));
    List<PrjRun.Reported> reported = PrjRun.run(root, today);
    List<String> actual = reported.stream().map(PrjRun.Reported::key).toList();
    Map<String, List<String>> messages = new TreeMap<>();
    reported.forEach(
        r -> messages.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.message()));
    List<String> problems = Expectations.compareKeys(source, expected, actual, messages);
    if (!problems.isEmpty()) {
      fail(source + "/expected-findings.txt:\n  " + String.join("\n  ", problems));
    }
  }

  @Test
  void everyRuleFiresInSomeFixtureAndOneFixtureIsClean() throws IOException {
    List<String> all = new ArrayList<>();
    boolean clean = false;
    for (String fixture : fixtures()) {
      List<String> codes =
          Files.readAllLines(FIXTURES.resolve(fixture).resolve("expected-findings.txt")).stream()
              .map(String::strip)
              .filter(l -> l.startsWith("PRJ"))
              .map(l -> l.substring(0, 6))
              .toList();
      clean |= codes.isEmpty();
      all.addAll(codes);
    }
    assertTrue(clean, "no fixture project is free of PRJ findings");
    for (Rule rule : ProjectHygieneRules.all()) {
      String code = rule.getClass().getAnnotation(RuleSpec.class).code();
      assertTrue(all.contains(code), code + " fires in no fixture project");
    }
  }
}
