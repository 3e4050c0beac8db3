package dev.keel.rules.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.config.KeelConfig;
import dev.keel.finding.Span;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.python.PythonParser;
import dev.keel.rule.FileRules;
import dev.keel.rule.RuleDescriptor;
import dev.keel.rules.RuleRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeRulesTest {
  private static List<String> check(String path, FileKind kind, String module, String source) {
    List<RuleDescriptor> rules =
        RuleRegistry.standard().all().stream().filter(r -> r.family().equals("TYP")).toList();
    ProjectFile file = new ProjectFile(Path.of(path), path, kind, Optional.of(module));
    return new FileRules(rules)
        .check(file, PythonParser.parse(source), KeelConfig.defaults()).stream()
            .map(
                f ->
                    f.line()
                        + ":"
                        + f.span().map(Span::column).orElse(0)
                        + " "
                        + f.code()
                        + " "
                        + f.message())
            .sorted()
            .toList();
  }

  private static final String UNTYPED =
      """
      from typing import Any


      def load(path, *, retries: int = None, **options) -> Any:
          return path
      """;

  @Test
  void publicModuleGetsEveryFinding() {
    assertEquals(
        List.of(
            "1:1 TYP002 annotation coverage of public functions is 50% (2 of 4 parameters and"
                + " returns annotated; min-annotation-coverage is 80%)",
            "4:1 TYP001 public function `load` lacks annotations on parameters `path`,"
                + " `**options`",
            "4:28 TYP004 parameter `retries` of function `load` defaults to None but `int` does"
                + " not admit None: write `int | None`",
            "4:54 TYP003 `Any` in the signature of public function `load`, return type"),
        check("app/io.py", FileKind.SOURCE, "app.io", UNTYPED));
  }

  @Test
  void privateModulesAndTestsAreNotPublicApiButImplicitOptionalIsABugAnywhere() {
    List<String> onlyOptional =
        List.of(
            "4:28 TYP004 parameter `retries` of function `load` defaults to None but `int` does"
                + " not admit None: write `int | None`");
    assertEquals(onlyOptional, check("app/_io.py", FileKind.SOURCE, "app._io", UNTYPED));
    assertEquals(onlyOptional, check("tests/test_io.py", FileKind.TEST, "tests.test_io", UNTYPED));
  }

  @Test
  void typingIsResolvedThroughAliases() {
    String source =
        """
        import typing_extensions as te
        from typing import Optional as Opt


        def f(a: te.Any, b: "Opt[int]" = None, c: te.Optional[str] = None) -> None:
            pass
        """;
    assertEquals(
        List.of("5:10 TYP003 `Any` in the signature of public function `f`, parameter `a`"),
        check("app/f.py", FileKind.SOURCE, "app.f", source));
  }

  @Test
  void implicitOptionalSuggestsAFixThatRuns() {
    assertEquals(
        List.of(
            "1:17 TYP004 parameter `node` of function `_walk` defaults to None but `'Node'` does"
                + " not admit None: write `'Node | None'`"),
        check(
            "app/tree.py",
            FileKind.SOURCE,
            "app.tree",
            "def _walk(node: 'Node' = None) -> None:\n    pass\n"));
  }
}
