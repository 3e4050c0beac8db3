package dev.keel.rules.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.config.KeelConfig;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.python.PythonParser;
import dev.keel.rule.FileRules;
import dev.keel.rule.RuleDescriptor;
import dev.keel.rule.RuleRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComplexityRulesTest {
  private static List<String> check(String source, Map<String, Integer> thresholds) {
    Map<String, Integer> all = new HashMap<>(KeelConfig.DEFAULT_THRESHOLDS);
    all.putAll(thresholds);
    KeelConfig d = KeelConfig.defaults();
    KeelConfig config =
        new KeelConfig(
            d.select(),
            d.ignore(),
            d.exclude(),
            d.failOn(),
            d.baseline(),
            d.source(),
            d.tiers(),
            d.layers(),
            all,
            d.origin());
    List<RuleDescriptor> rules =
        RuleRegistry.standard().all().stream().filter(r -> r.family().equals("CPX")).toList();
    ProjectFile file =
        new ProjectFile(
            Path.of("app/service.py"),
            "app/service.py",
            FileKind.SOURCE,
            Optional.of("app.service"));
    return new FileRules(rules)
        .check(file, PythonParser.parse(source), config).stream()
            .map(
                f ->
                    f.line()
                        + ":"
                        + f.span().map(dev.keel.rule.Span::column).orElse(0)
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
            "3:5 CPX001 `Orders.total` has a cyclomatic complexity of 5 (max-complexity is 4)",
            "3:5 CPX002 `Orders.total` is 6 lines long (max-function-length is 5)",
            "3:5 CPX003 `Orders.total` takes 3 parameters (max-parameters is 2)",
            "6:17 CPX004 `Orders.total` nests blocks 3 deep (max-nesting is 2)"),
        check(
            source,
            Map.of(
                "max-complexity", 4,
                "max-function-length", 5,
                "max-parameters", 2,
                "max-nesting", 2)));
  }
}
