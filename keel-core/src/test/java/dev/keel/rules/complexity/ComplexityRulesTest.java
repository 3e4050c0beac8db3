package dev.keel.rules.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.config.KeelConfig;
import dev.keel.config.Threshold;
import dev.keel.config.Thresholds;
import dev.keel.metrics.CallableMetrics;
import dev.keel.metrics.Callables;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.rule.FileRules;
import dev.keel.rule.RuleDescriptor;
import dev.keel.rules.RuleRegistry;
import dev.keel.testing.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ComplexityRulesTest {
  private static List<String> check(String source, Map<Threshold, Integer> thresholds) {
    return check(PythonParser.parse(source), thresholds);
  }

  private static List<String> check(ParseResult parse, Map<Threshold, Integer> thresholds) {
    KeelConfig config = KeelConfig.builder().thresholds(Thresholds.of(thresholds)).build();
    List<RuleDescriptor> rules =
        RuleRegistry.standard().all().stream().filter(r -> r.family().equals("CPX")).toList();
    ProjectFile file =
        new ProjectFile(
            Path.of("app/service.py"),
            "app/service.py",
            FileKind.SOURCE,
            Optional.of("app.service"));
    return new FileRules(rules)
        .check(file, parse, config).stream()
            .map(
                f ->
                    f.line()
                        + ":"
                        + f.span().map(dev.keel.finding.Span::column).orElse(0)
                        + " "
                        + f.code()
                        + " "
                        + f.message())
            .toList();
  }

  @Test
  void thresholdsComeFromConfiguration() {
    String source =
        """
        class Orders:
            @property
            def total(self, a, b, c):
                if a:
                    for x in b:
                        if x or c:
                            return x
                return 0
        """;
    assertEquals(List.of(), check(source, Map.of()));
    assertEquals(
        List.of(
            "3:5 CPX002 `Orders.total` is 6 lines long (max-function-length is 5)",
            "3:5 CPX003 `Orders.total` takes 3 parameters (max-parameters is 2)",
            "3:5 CPX001 `Orders.total` has a cyclomatic complexity of 5 (max-complexity is 4)",
            "6:17 CPX004 `Orders.total` nests blocks 3 deep (max-nesting is 2)"),
        check(
            source,
            Map.of(
                Threshold.MAX_COMPLEXITY, 4,
                Threshold.MAX_FUNCTION_LENGTH, 5,
                Threshold.MAX_PARAMETERS, 2,
                Threshold.MAX_NESTING, 2)));
  }

  /**
   * CPX001 and CPX004 count during the one walk of the file ({@code RadonComplexity.countsFor},
   * {@code Nesting.countsFor}), where {@code keel metrics} walks each def's body on its own ({@link
   * Callables#measureAll}, checked against radon): with max-complexity and max-nesting 0 every def
   * is reported, and the two must give every def the same complexity, depth and deepest block. Over
   * a source built to trip attribution (asserts, lambdas, nested defs and classes, decorators,
   * defaults and annotations with conditions in them); the corpus test below does the same over the
   * standard library.
   */
  @Test
  void theWalkCountsEveryDefOfATrickySourceAsKeelMetricsDoes() throws Exception {
    String tricky =
        """
        import functools
        def nest(x):
            if x:
                pass
            elif x > 1:
                for y in x:
                    with y:
                        pass
            elif x > 2:
                try:
                    while x:
                        if x:
                            pass
                        else:
                            if y:
                                pass
                except E:
                    match x:
                        case 1:
                            if x:
                                pass
            else:
                if x:
                    pass
                elif y:
                    for z in y:
                        pass
        def outer(a=1 if X else 2, *, b: (int if Y else str) = None) -> (A if Z else B):
            assert a and b, "x" if a else "y"
            f = lambda q=(1 if a else 2): [i for i in q if i or a]
            @functools.lru_cache(maxsize=3 if a else 4)
            def inner(c=[j for j in b if j]):
                while c and a:
                    try:
                        pass
                    except (A if a else B):
                        pass
                    else:
                        pass
                else:
                    return c
            class Local(Base if a else Other):
                x = 1 if a else 2
                def method(self):
                    return self.x or a or b
            return [inner() if f else None for _ in []]
        async def co():
            async for x in y:
                if x:
                    assert (x if x else y)
            else:
                pass
        x = 1 if a else 2
        """;
    ParseResult parsed = PythonParser.parse(tricky);
    assertEquals(List.of(), parsed.errors());
    assertSameCounts("tricky", parsed);
  }

  /** The same comparison over every file of python3's standard library. */
  @Test
  @Tag("corpus")
  void theWalkCountsEveryDefOfTheStandardLibraryAsKeelMetricsDoes() throws Exception {
    Optional<Path> lib = PythonTools.stdlib();
    assumeTrue(lib.isPresent(), PythonTools.missing("python3 standard library"));
    int files = 0;
    try (Stream<Path> s = Files.walk(lib.get())) {
      for (Path p :
          s.filter(p -> p.toString().endsWith(".py"))
              .filter(p -> !p.toString().contains("site-packages"))
              .sorted()
              .toList()) {
        assertSameCounts(p.toString(), PythonParser.parse(Files.readAllBytes(p)));
        files++;
      }
    }
    assertTrue(files > 1000, "only " + files + " files under " + lib.get());
  }

  private static void assertSameCounts(String where, ParseResult parse) {
    if (!parse.errors().isEmpty()) {
      return;
    }
    List<String> expected = new ArrayList<>();
    for (CallableMetrics m : Callables.measureAll(parse)) {
      expected.add(m.line() + " `" + m.name() + "` complexity " + m.complexity());
      if (m.nesting() > 0) {
        int at = m.deepestBlock().range().start();
        expected.add(
            parse.lines().line(at)
                + ":"
                + (parse.lines().column(at) + 1)
                + " `"
                + m.name()
                + "` nesting "
                + m.nesting());
      }
    }
    List<String> walked = new ArrayList<>();
    for (String f : check(parse, Map.of(Threshold.MAX_COMPLEXITY, 0, Threshold.MAX_NESTING, 0))) {
      Matcher m = CPX001.matcher(f);
      if (m.matches()) {
        walked.add(m.group(1) + " `" + m.group(2) + "` complexity " + m.group(3));
      }
      m = CPX004.matcher(f);
      if (m.matches()) {
        walked.add(m.group(1) + " `" + m.group(2) + "` nesting " + m.group(3));
      }
    }
    Collections.sort(expected);
    Collections.sort(walked);
    assertEquals(expected, walked, where);
  }

  private static final Pattern CPX004 =
      Pattern.compile("(\\d+:\\d+) CPX004 `(.*)` nests blocks (\\d+) deep .*");

  private static final Pattern CPX001 =
      Pattern.compile("(\\d+):\\d+ CPX001 `(.*)` has a cyclomatic complexity of (\\d+) .*");
}
