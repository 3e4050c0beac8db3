package dev.keel.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.config.KeelConfig;
import dev.keel.finding.Severity;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.SyntaxChildren;
import dev.keel.testing.PythonTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The one walk of the file rules takes shortcuts (a dispatch table over the tree's classes, the
 * children of the commonest kinds listed in the walk itself, skipped subtrees): a rule that wants
 * every kind of node must still see every node of a file, parents first, in {@link SyntaxChildren}
 * order, with the right ancestors. Checked over a source with every statement kind and over the
 * standard library of the {@code python3} on PATH, when there is one.
 */
class FileRulesWalkTest {
  /** Records every node it is shown, with the depth of its ancestors. */
  private static final class Everything implements FileRule {
    final Set<Class<? extends Node>> kinds = new HashSet<>();
    final List<String> seen = new ArrayList<>();

    Everything(ParseResult parse) {
      collectKinds(parse.module());
    }

    private void collectKinds(Node n) {
      kinds.add(n.getClass());
      SyntaxChildren.forEach(n, this::collectKinds);
    }

    @Override
    public Set<Class<? extends Node>> nodeKinds() {
      return kinds;
    }

    @Override
    public void visit(Node node, FileVisit file) {
      seen.add(describe(node, file.ancestors().size()));
    }
  }

  private static String describe(Node n, int depth) {
    return depth + " " + n.getClass().getSimpleName() + "@" + n.range().start();
  }

  private static void preOrder(Node n, int depth, List<String> out) {
    out.add(describe(n, depth));
    SyntaxChildren.forEach(n, c -> preOrder(c, depth + 1, out));
  }

  private static void assertWalksEverything(String where, ParseResult parse) {
    Everything rule = new Everything(parse);
    RuleDescriptor d =
        new RuleDescriptor("TEST001", "Everything", "", Severity.INFO, 1, Scope.FILE, "", rule);
    ProjectFile file = new ProjectFile(Path.of("m.py"), "m.py", FileKind.SOURCE, Optional.of("m"));
    new FileRules(List.of(d)).check(file, parse, KeelConfig.defaults());
    List<String> expected = new ArrayList<>();
    preOrder(parse.module(), 0, expected);
    assertEquals(expected, rule.seen, where);
  }

  @Test
  void aRuleThatWantsEveryKindSeesEveryNodeInOrder() throws Exception {
    String source =
        """
        import os, sys as system
        from . import x
        @deco(arg=1)
        async def f(a, /, b: int = 2, *c, d, e=3, **g) -> None:
            global q
            x = y = os.path.join(a, *c, key=b, **g)
            x += 1
            z: int = 2
            del z
            async with open(a) as h, other():
                async for i in h:
                    await i
            while x:
                break
            else:
                pass
            try:
                raise ValueError("v") from None
            except* OSError as e:
                continue
            finally:
                assert x, "m"
            match x:
                case [1, *rest] if rest:
                    pass
                case {"k": v, **kw}:
                    pass
                case Point(x=0) | None:
                    pass
            return lambda q=1: (q if q else -q, [i for i in q if i], {k: v for k, v in q})
        class C[T](Base, metaclass=M):
            type Alias = list[T]
            def m(self): yield from (yield f"{self!r:>{width}}")
        """;
    ParseResult parsed = PythonParser.parse(source);
    assertEquals(List.of(), parsed.errors());
    assertWalksEverything("built-in source", parsed);
  }

  /** Records the source of every call it is handed. */
  private static class CallsSeen implements CallRule {
    final List<String> seen = new ArrayList<>();

    @Override
    public Set<String> calls() {
      return Set.of("tempfile.mktemp", "*.execute");
    }

    @Override
    public void visitCall(Expr.Call call, FileVisit file) {
      seen.add(file.text(call));
    }
  }

  @Test
  void aCallRuleIsHandedTheCallsOfTheFunctionsItNamesAndNoOthers() {
    String source =
        """
        import tempfile
        import tempfile as t
        from tempfile import mktemp as m
        tempfile.mktemp()
        t.mktemp()
        m()
        mktemp()
        other.mktemp()
        tempfile.mkstemp()
        cursor.execute(q)
        execute(q)
        cursor.executemany(q)
        """;
    CallsSeen rule = new CallsSeen();
    RuleDescriptor d =
        new RuleDescriptor("TEST002", "CallsSeen", "", Severity.INFO, 1, Scope.FILE, "", rule);
    ProjectFile file = new ProjectFile(Path.of("m.py"), "m.py", FileKind.SOURCE, Optional.of("m"));
    new FileRules(List.of(d)).check(file, PythonParser.parse(source), KeelConfig.defaults());
    assertEquals(
        List.of("tempfile.mktemp()", "t.mktemp()", "m()", "cursor.execute(q)", "execute(q)"),
        rule.seen);
  }

  @Test
  void aCallRuleThatAsksForCallNodesIsRefused() {
    CallRule rule =
        new CallsSeen() {
          @Override
          public Set<Class<? extends Node>> nodeKinds() {
            return Set.of(Expr.Call.class);
          }
        };
    RuleDescriptor d =
        new RuleDescriptor("TEST003", "CallsSeen", "", Severity.INFO, 1, Scope.FILE, "", rule);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new FileRules(List.of(d)));
    assertEquals(
        "TEST003: a call rule receives calls through visitCall, not nodeKinds", e.getMessage());
  }

  /** The same walk over 400 files of python3's standard library. */
  @Test
  @Tag("corpus")
  void aRuleThatWantsEveryKindSeesEveryNodeOfTheStandardLibraryInOrder() throws Exception {
    Optional<Path> lib = PythonTools.stdlib();
    assumeTrue(lib.isPresent(), PythonTools.missing("python3 standard library"));
    int files = 0;
    try (Stream<Path> s = Files.walk(lib.get())) {
      for (Path p :
          s.filter(p -> p.toString().endsWith(".py"))
              .filter(p -> !p.toString().contains("site-packages"))
              .sorted()
              .limit(400)
              .toList()) {
        assertWalksEverything(p.toString(), PythonParser.parse(Files.readAllBytes(p)));
        files++;
      }
    }
    assertTrue(files > 100, "only " + files + " files under " + lib.get());
  }
}
