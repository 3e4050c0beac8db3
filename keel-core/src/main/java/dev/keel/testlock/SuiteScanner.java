package dev.keel.testlock;

import dev.keel.Version;
import dev.keel.finding.Span;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Mod;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.SyntaxChildren;
import dev.keel.python.source.LineIndex;
import dev.keel.semantic.TestFunctions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads the test suite as it is now into a {@link TestLock}: each test file parsed with Keel's own
 * parser, in parallel, and the pytest and coverage settings ({@link TestSettings}).
 *
 * <p>A test is a function named {@code test*} at module level (or in a module-level {@code if}),
 * not a fixture, or a {@code test*} method of a class at module level, whatever the class is
 * called: pytest collects {@code Test*} classes, unittest any {@code TestCase} subclass, and a lock
 * that holds one method too many costs nothing.
 */
public final class SuiteScanner {
  private SuiteScanner() {}

  /**
   * The suite as it is now.
   *
   * @param testFiles the test files' paths relative to the root ({@code .py} ones are read)
   * @param read a file's decoded text by its path relative to the root, empty when it is absent or
   *     cannot be read
   */
  public static TestLock scan(List<String> testFiles, Function<String, Optional<String>> read) {
    Map<String, TestLock.TestFile> files = new ConcurrentHashMap<>();
    testFiles.parallelStream()
        .filter(p -> p.endsWith(".py"))
        .forEach(p -> read.apply(p).ifPresent(text -> files.put(p, file(text))));
    return new TestLock(Version.current(), files, TestSettings.read(read));
  }

  /**
   * The suite of a discovered project as it is now: its test files (whatever paths were asked
   * about; the lock is the whole project's), read as the audit reads them.
   */
  public static TestLock scan(dev.keel.project.Project project) {
    dev.keel.ConfinedReader reader = project.reader();
    List<String> tests =
        project.files().stream()
            .filter(f -> f.kind() == dev.keel.project.FileKind.TEST)
            .map(dev.keel.project.ProjectFile::path)
            .toList();
    return scan(
        tests,
        p -> {
          if (project.file(p).isEmpty() || project.isNotRead(p)) {
            return Optional.empty();
          }
          return switch (reader.read(project.root().resolve(p), p)) {
            case dev.keel.ConfinedReader.Bytes b -> Optional.of(text(p, b.bytes()));
            case dev.keel.ConfinedReader.Skipped x -> Optional.<String>empty();
          };
        });
  }

  /** As the audit decodes a file: Python as CPython does, anything else as UTF-8. */
  private static String text(String path, byte[] bytes) {
    if (path.endsWith(".py")) {
      return dev.keel.python.SourceDecoder.decode(bytes).text();
    }
    String t = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    return t.startsWith("\uFEFF") ? t.substring(1) : t;
  }

  /** One test file from its text. */
  static TestLock.TestFile file(String text) {
    ParseResult parsed = PythonParser.parse(text);
    if (!parsed.ok()) {
      return new TestLock.TestFile(Map.of(), Map.of(), TreeHash.ofText(text));
    }
    try {
      return new Reader(parsed).read();
    } catch (StackOverflowError deep) {
      return PythonParser.onDeepStack(() -> new Reader(parsed).read());
    }
  }

  /** Skip and xfail markers, by the last name of a decorator or mark. */
  private static final Set<String> SKIP_MARKS =
      Set.of("skip", "skipif", "skipIf", "skipUnless", "xfail", "expectedFailure");

  private static final class Reader {
    private final Mod.Module module;
    private final LineIndex lines;
    private final TreeHash hash = new TreeHash();
    private final Map<String, TestLock.Test> tests = new HashMap<>();
    private final Map<String, TestLock.Support> support = new HashMap<>();
    private final Set<Node> locked = TreeHash.identitySet();

    Reader(ParseResult parsed) {
      this.module = parsed.module();
      this.lines = parsed.lines();
    }

    TestLock.TestFile read() {
      int moduleSkips = 0;
      for (Stmt s : module.body()) {
        moduleSkips += pytestmark(s);
      }
      definitions(module.body(), moduleSkips);
      support.put(TestLock.MODULE, new TestLock.Support("module", hash.of(module, locked), null));
      return new TestLock.TestFile(tests, support, null);
    }

    private void definitions(List<Stmt> body, int moduleSkips) {
      for (Stmt s : body) {
        switch (s) {
          case Stmt.FunctionDef d -> function(d, d.name(), d.decoratorList(), "", moduleSkips);
          case Stmt.AsyncFunctionDef d -> function(d, d.name(), d.decoratorList(), "", moduleSkips);
          case Stmt.ClassDef c -> testClass(c, moduleSkips);
          case Stmt.If i -> {
            definitions(i.body(), moduleSkips);
            definitions(i.orelse(), moduleSkips);
          }
          default -> {}
        }
      }
    }

    private void testClass(Stmt.ClassDef c, int moduleSkips) {
      locked.add(c);
      int classSkips = moduleSkips + skipMarks(c.decoratorList());
      for (Stmt s : c.body()) {
        classSkips += pytestmark(s);
      }
      Set<Node> methods = TreeHash.identitySet();
      for (Stmt s : c.body()) {
        switch (s) {
          case Stmt.FunctionDef d -> {
            methods.add(d);
            function(d, d.name(), d.decoratorList(), c.name(), classSkips);
          }
          case Stmt.AsyncFunctionDef d -> {
            methods.add(d);
            function(d, d.name(), d.decoratorList(), c.name(), classSkips);
          }
          default -> {}
        }
      }
      support.put(c.name(), new TestLock.Support("class", hash.of(c, methods), span(c)));
    }

    private void function(
        Stmt def, String name, List<Expr> decorators, String owner, int inheritedSkips) {
      locked.add(def);
      String qualified = owner.isEmpty() ? name : owner + "." + name;
      boolean fixture = false;
      boolean autouse = false;
      for (Expr d : decorators) {
        Expr target = d instanceof Expr.Call call ? call.func() : d;
        String last = lastName(target);
        if ("fixture".equals(last) || "yield_fixture".equals(last)) {
          fixture = true;
          if (d instanceof Expr.Call call) {
            autouse |=
                call.keywords().stream()
                    .anyMatch(
                        k ->
                            "autouse".equals(k.arg())
                                && !(k.value() instanceof Expr.Constant v
                                    && v.value() == dev.keel.python.ast.ConstantValue.FALSE));
          }
        }
      }
      String h = hash.of(def);
      if (name.startsWith("test") && !fixture) {
        TestFunctions.Function f = TestFunctions.function(def, owner);
        int skips = inheritedSkips + skipMarks(decorators) + skipCalls(def);
        tests.put(qualified, new TestLock.Test(h, f.asserts(), f.mockAsserts(), skips, span(def)));
        return;
      }
      String kind =
          fixture
              ? autouse ? "autouse fixture" : "fixture"
              : name.startsWith("pytest_") ? "hook" : owner.isEmpty() ? "function" : "method";
      support.put(qualified, new TestLock.Support(kind, h, span(def)));
    }

    /** {@code pytestmark = pytest.mark.skip…} at module or class level: its skip marks. */
    private static int pytestmark(Stmt s) {
      return switch (s) {
        case Stmt.Assign a
            when a.targets().stream()
                .anyMatch(t -> t instanceof Expr.Name n && n.id().equals("pytestmark")) ->
            skipMarks(List.of(a.value()));
        case Stmt.AnnAssign a
            when a.target() instanceof Expr.Name n && n.id().equals("pytestmark") ->
            a.value() == null ? 0 : skipMarks(List.of(a.value()));
        default -> 0;
      };
    }

    /** Skip and xfail marks anywhere in these expressions (parametrize's marks= included). */
    private static int skipMarks(List<Expr> decorators) {
      int[] n = new int[1];
      for (Expr d : decorators) {
        walk(
            d,
            node -> {
              String name =
                  switch (node) {
                    case Expr.Attribute a -> a.attr();
                    case Expr.Name m -> m.id();
                    default -> null;
                  };
              if (name != null && SKIP_MARKS.contains(name)) {
                n[0]++;
              }
            });
      }
      return n[0];
    }

    /**
     * {@code pytest.skip()}, {@code pytest.xfail()}, {@code pytest.importorskip()}, {@code
     * self.skipTest()} and {@code raise SkipTest} in a function's body.
     */
    private static int skipCalls(Stmt def) {
      List<Stmt> body =
          switch (def) {
            case Stmt.FunctionDef d -> d.body();
            case Stmt.AsyncFunctionDef d -> d.body();
            default -> List.of();
          };
      int[] n = new int[1];
      for (Stmt s : body) {
        walk(
            s,
            node -> {
              switch (node) {
                case Expr.Call c when c.func() instanceof Expr.Attribute a -> {
                  String on = lastName(a.value());
                  if (("pytest".equals(on)
                          && (a.attr().equals("skip")
                              || a.attr().equals("xfail")
                              || a.attr().equals("importorskip")))
                      || a.attr().equals("skipTest")) {
                    n[0]++;
                  }
                }
                case Stmt.Raise r when r.exc() != null -> {
                  String raised = lastName(r.exc());
                  if ("SkipTest".equals(raised)) {
                    n[0]++;
                  }
                }
                default -> {}
              }
            });
      }
      return n[0];
    }

    private static void walk(Node n, java.util.function.Consumer<Node> visit) {
      visit.accept(n);
      SyntaxChildren.forEach(n, c -> walk(c, visit));
    }

    private static String lastName(Expr e) {
      return switch (e) {
        case Expr.Name n -> n.id();
        case Expr.Attribute a -> a.attr();
        case Expr.Call c -> lastName(c.func());
        default -> null;
      };
    }

    /** The first line of a definition, from its first character to the end of that line. */
    private Span span(Node n) {
      int start = n.range().start();
      int line = lines.line(start);
      int column = lines.column(start) + 1;
      int end = Math.max(column, lines.column(lines.lineEnd(line)) + 1);
      return new Span(line, column, line, end);
    }
  }
}
