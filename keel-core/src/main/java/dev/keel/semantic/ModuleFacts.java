package dev.keel.semantic;

import dev.keel.python.ParseResult;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.MatchCase;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.SyntaxChildren;
import dev.keel.python.ast.WithItem;
import dev.keel.python.source.LineIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the system rules need to know about a module beyond its imports: where it reads the
 * environment, which calls run while it is imported, which of its callables raise and which effects
 * they have, and (for test modules) which callables its tests expect to raise.
 *
 * @param envReads every read of {@code os.environ} / {@code os.getenv} and friends
 * @param importTimeCalls calls made at import time (module level and class bodies), resolved
 * @param callables the module's functions and methods, by qualified name within the module
 * @param raiseTargets qualified names (or, for methods, bare names) called inside {@code
 *     pytest.raises} / {@code assertRaises} blocks or passed to them
 * @param optionalImportLines lines of imports inside {@code try:} blocks that catch {@code
 *     ImportError} (anywhere, functions included): optional dependencies
 * @param tests what the functions of a test module assert (nothing for other modules)
 */
public record ModuleFacts(
    List<EnvRead> envReads,
    List<Call> importTimeCalls,
    List<Callable> callables,
    Set<String> raiseTargets,
    Set<Integer> optionalImportLines,
    TestFacts tests) {
  public ModuleFacts {
    optionalImportLines = Set.copyOf(optionalImportLines);
    envReads = List.copyOf(envReads);
    importTimeCalls = List.copyOf(importTimeCalls);
    callables = List.copyOf(callables);
    raiseTargets = Set.copyOf(raiseTargets);
  }

  /** A read of an environment variable; {@code variable} when it is a literal. */
  public record EnvRead(int line, Optional<String> variable, boolean inFunction) {}

  /** A call and what it reaches: a qualified name such as {@code sqlite3.connect}. */
  public record Call(int line, String target) {}

  /**
   * A function or method.
   *
   * @param name qualified within the module: {@code f}, {@code Class.method}
   * @param raises whether its body raises an exception explicitly (not a bare re-raise)
   * @param calls the qualified names of the calls in its body
   */
  public record Callable(
      String name, int line, boolean isPublic, boolean raises, Set<String> calls) {
    public Callable {
      calls = Set.copyOf(calls);
    }
  }

  /**
   * What the functions of a test module assert, for TST001. The functions are the top-level ones
   * and the methods of test classes ({@link TestFunctions}), named as in {@link Callable#name};
   * pytest fixtures are never among them (a test does not call one).
   *
   * @param asserting functions that assert, directly or through functions of the same module
   * @param silent the others, tests and helpers, with the calls through which a helper of another
   *     module may still assert for them
   * @param mockOnly tests whose every assertion is on a mock, for TST002
   */
  public record TestFacts(Set<String> asserting, List<Silent> silent, List<MockOnly> mockOnly) {
    public TestFacts {
      asserting = Set.copyOf(asserting);
      silent = List.copyOf(silent);
      mockOnly = List.copyOf(mockOnly);
    }

    public static TestFacts none() {
      return new TestFacts(Set.of(), List.of(), List.of());
    }
  }

  /**
   * A test whose assertions all check mock calls ({@code assert_called_with}, {@code mock.called}).
   *
   * @param name the function's own name
   * @param assertions how many assertions it makes
   * @param line the line of its {@code def}; with the columns, 1-based, the span a finding shows
   */
  public record MockOnly(
      String name, int assertions, int line, int column, int endLine, int endColumn) {}

  /**
   * A function that asserts nothing by itself or through functions of its own module.
   *
   * @param name qualified within the module: {@code test_total}, {@code TestCart.test_add}
   * @param line the line of its {@code def}; with the columns, 1-based, the span a finding shows
   * @param calls the dotted names its calls reach, through imports ({@code tests.helpers.same}) or
   *     to its own module's functions ({@code tests.test_api.helper})
   */
  public record Silent(
      String name,
      boolean isTest,
      int line,
      int column,
      int endLine,
      int endColumn,
      Set<String> calls) {
    public Silent {
      calls = Set.copyOf(calls);
    }
  }

  public static ModuleFacts empty() {
    return new ModuleFacts(List.of(), List.of(), List.of(), Set.of(), Set.of(), TestFacts.none());
  }

  private static final Set<String> ENV_CALLS =
      Set.of(
          "os.getenv", "os.environ.get", "os.getenvb", "os.environ.setdefault", "os.environ.pop");

  /** Collects the facts of one parsed module; test facts only when it is a test module. */
  public static ModuleFacts of(
      ParseResult parse, SemanticModel model, String module, boolean testModule) {
    Collector c = new Collector(parse.lines(), model, module);
    for (Stmt s : parse.module().body()) {
      c.stmt(s, "", false);
    }
    c.optionalImports(parse.module());
    return new ModuleFacts(
        c.envReads,
        c.importTimeCalls,
        c.callables,
        c.raiseTargets,
        c.optionalImportLines,
        testModule ? testFacts(parse, model, module) : TestFacts.none());
  }

  private static TestFacts testFacts(ParseResult parse, SemanticModel model, String module) {
    List<TestFunctions.Function> functions = TestFunctions.of(parse.module());
    Set<String> assertingNames = TestFunctions.assertingHelpers(functions);
    Set<String> topLevel = new HashSet<>();
    for (TestFunctions.Function f : functions) {
      if (f.qualifiedName().equals(f.name())) {
        topLevel.add(f.name());
      }
    }
    Set<String> asserting = new HashSet<>();
    List<Silent> silent = new ArrayList<>();
    List<MockOnly> mockOnly = new ArrayList<>();
    LineIndex lines = parse.lines();
    for (TestFunctions.Function f : functions) {
      if (f.isTest() && f.asserts() > 0 && f.mockAsserts() == f.asserts()) {
        int[] span = defLine(f, lines);
        mockOnly.add(new MockOnly(f.name(), f.asserts(), span[0], span[1], span[2], span[3]));
      }
      if (f.isFixture()) {
        continue;
      }
      if (assertingNames.contains(f.name())) {
        asserting.add(f.qualifiedName());
        continue;
      }
      int[] span = defLine(f, lines);
      silent.add(
          new Silent(
              f.qualifiedName(),
              f.isTest(),
              span[0],
              span[1],
              span[2],
              span[3],
              TestFunctions.resolvedCalls(f, topLevel, model, module)));
    }
    return new TestFacts(asserting, silent, mockOnly);
  }

  /**
   * The def line, from the keyword to the end of that line: line, column, end line, end column,
   * 1-based.
   */
  private static int[] defLine(TestFunctions.Function f, LineIndex lines) {
    int start = f.node().range().start();
    int line = lines.line(start);
    int end = Math.max(start, Math.min(f.node().range().end(), lines.lineEnd(line)));
    int column = lines.column(start) + 1;
    int endLine = lines.line(end);
    int endColumn = lines.column(end) + 1;
    if (endLine == line && endColumn <= column) {
      endColumn = column + 1;
    }
    return new int[] {line, column, endLine, endColumn};
  }

  private static final class Collector {
    final LineIndex lines;
    final SemanticModel model;
    final String module;
    final List<EnvRead> envReads = new ArrayList<>();
    final List<Call> importTimeCalls = new ArrayList<>();
    final List<Callable> callables = new ArrayList<>();
    final Set<String> raiseTargets = new HashSet<>();
    final Set<String> localFunctions = new HashSet<>();
    final Set<Integer> optionalImportLines = new HashSet<>();

    /** Imports in {@code try:} bodies whose handlers catch ImportError (or everything). */
    void optionalImports(Node n) {
      if (n instanceof Stmt.Try t
          && t.handlers().stream().anyMatch(Collector::catchesImportError)) {
        for (Stmt b : t.body()) {
          markImports(b);
        }
      }
      SyntaxChildren.forEach(n, this::optionalImportsBelow);
    }

    /** Imports are statements: expressions hold none, so the search does not enter them. */
    private void optionalImportsBelow(Node n) {
      if (n instanceof Stmt || n instanceof ExceptHandler || n instanceof MatchCase) {
        optionalImports(n);
      }
    }

    private void markImports(Node n) {
      if (n instanceof Stmt.Import || n instanceof Stmt.ImportFrom) {
        optionalImportLines.add(lines.line(n.range().start()));
      }
      SyntaxChildren.forEach(n, this::markImports);
    }

    private static boolean catchesImportError(dev.keel.python.ast.ExceptHandler h) {
      if (h.type() == null) {
        return true;
      }
      List<Expr> types = h.type() instanceof Expr.Tuple t ? t.elts() : List.of(h.type());
      for (Expr e : types) {
        String name =
            e instanceof Expr.Name n ? n.id() : e instanceof Expr.Attribute a ? a.attr() : "";
        if (name.equals("ImportError")
            || name.equals("ModuleNotFoundError")
            || name.equals("Exception")
            || name.equals("BaseException")) {
          return true;
        }
      }
      return false;
    }

    Collector(LineIndex lines, SemanticModel model, String module) {
      this.lines = lines;
      this.model = model;
      this.module = module;
    }

    /**
     * Walks a statement; {@code owner} is the enclosing class path, {@code inFunction} its kind.
     */
    void stmt(Stmt s, String owner, boolean inFunction) {
      switch (s) {
        case Stmt.FunctionDef d -> function(d, d.name(), d.body(), d.decoratorList(), owner);
        case Stmt.AsyncFunctionDef d -> function(d, d.name(), d.body(), d.decoratorList(), owner);
        case Stmt.ClassDef c -> {
          for (Expr e : c.decoratorList()) {
            children(e, inFunction);
          }
          for (Expr e : c.bases()) {
            children(e, inFunction);
          }
          for (Stmt b : c.body()) {
            stmt(b, owner.isEmpty() ? c.name() : owner + "." + c.name(), inFunction);
          }
        }
        default -> children(s, inFunction);
      }
    }

    private void function(
        Stmt def, String name, List<Stmt> body, List<Expr> decorators, String owner) {
      for (Expr e : decorators) {
        children(e, false);
      }
      String qualified = owner.isEmpty() ? name : owner + "." + name;
      if (owner.isEmpty()) {
        localFunctions.add(name);
      }
      FunctionScan scan = new FunctionScan();
      for (Stmt b : body) {
        scanFunction(b, scan);
      }
      boolean isPublic = !name.startsWith("_") || (name.startsWith("__") && name.endsWith("__"));
      boolean ownerPublic = owner.isEmpty() || !owner.startsWith("_");
      callables.add(
          new Callable(
              qualified,
              lines.line(def.range().start()),
              isPublic && ownerPublic,
              scan.raises,
              scan.calls));
    }

    /** What a function body does, not descending into nested functions or classes. */
    private static final class FunctionScan {
      boolean raises;
      final Set<String> calls = new HashSet<>();
    }

    private void scanFunction(Node n, FunctionScan scan) {
      switch (n) {
        case Stmt.FunctionDef d -> {
          return;
        }
        case Stmt.AsyncFunctionDef d -> {
          return;
        }
        case Stmt.ClassDef d -> {
          return;
        }
        case Stmt.Raise r -> {
          if (r.exc() != null && !raisesNotImplemented(r.exc())) {
            scan.raises = true;
          }
        }
        case Expr.Call call -> {
          target(call).ifPresent(scan.calls::add);
          envRead(call.func(), call, true);
          raisesBlock(call);
        }
        case Expr.Subscript sub -> envRead(sub.value(), sub, true);
        case Stmt.With w -> withRaises(w.items(), w.body());
        default -> {}
      }
      SyntaxChildren.forEach(n, c -> scanFunction(c, scan));
    }

    /** Module level: every call runs at import time. */
    private void children(Node n, boolean inFunction) {
      switch (n) {
        case Expr.Call call -> {
          target(call)
              .ifPresent(t -> importTimeCalls.add(new Call(lines.line(call.range().start()), t)));
          envRead(call.func(), call, inFunction);
        }
        case Expr.Subscript sub -> envRead(sub.value(), sub, inFunction);
        case Expr.Lambda l -> {
          return;
        }
        case Stmt.If i when isMainGuard(i.test()) -> {
          // Runs only when the module is the program, never when it is imported.
          return;
        }
        case Stmt.With w -> withRaises(w.items(), w.body());
        case Stmt.FunctionDef d -> {
          stmt(d, "", inFunction);
          return;
        }
        case Stmt.AsyncFunctionDef d -> {
          stmt(d, "", inFunction);
          return;
        }
        case Stmt.ClassDef d -> {
          stmt(d, "", inFunction);
          return;
        }
        default -> {}
      }
      SyntaxChildren.forEach(n, c -> children(c, inFunction));
    }

    /** {@code os.environ["X"]}, {@code os.environ.get("X")}, {@code os.getenv("X")}. */
    private void envRead(Expr target, Expr at, boolean inFunction) {
      Optional<String> q = model.qualifiedName(target);
      if (q.isEmpty()) {
        return;
      }
      String name = q.get();
      Optional<String> variable = Optional.empty();
      if (at instanceof Expr.Subscript sub && name.equals("os.environ")) {
        variable = literal(sub.slice());
      } else if (at instanceof Expr.Call call && ENV_CALLS.contains(name)) {
        variable = call.args().isEmpty() ? Optional.empty() : literal(call.args().get(0));
      } else {
        return;
      }
      envReads.add(new EnvRead(lines.line(at.range().start()), variable, inFunction));
    }

    private Optional<String> target(Expr.Call call) {
      Optional<String> q = model.qualifiedName(call.func());
      if (q.isPresent()) {
        return q;
      }
      if (call.func() instanceof Expr.Name n && localFunctions.contains(n.id())) {
        return Optional.of(module.isEmpty() ? n.id() : module + "." + n.id());
      }
      return Optional.empty();
    }

    /** {@code pytest.raises(E, f, …)} and {@code self.assertRaises(E, f, …)} call forms. */
    private void raisesBlock(Expr.Call call) {
      if (isRaises(call) && call.args().size() >= 2) {
        callee(call.args().get(1)).ifPresent(raiseTargets::add);
      }
    }

    /** {@code with pytest.raises(E): f()} — every call in the block is expected to raise. */
    private void withRaises(List<WithItem> items, List<Stmt> body) {
      boolean raises =
          items.stream().anyMatch(i -> i.contextExpr() instanceof Expr.Call c && isRaises(c));
      if (!raises) {
        return;
      }
      for (Stmt s : body) {
        collectCalls(s);
      }
    }

    private void collectCalls(Node n) {
      if (n instanceof Expr.Call c) {
        callee(c.func()).ifPresent(raiseTargets::add);
      }
      SyntaxChildren.forEach(n, this::collectCalls);
    }

    private Optional<String> callee(Expr e) {
      Optional<String> q = model.qualifiedName(e);
      if (q.isPresent()) {
        return q;
      }
      return switch (e) {
        case Expr.Attribute a -> Optional.of(a.attr());
        case Expr.Name n -> Optional.of(n.id());
        default -> Optional.empty();
      };
    }

    private boolean isRaises(Expr.Call c) {
      Optional<String> q = model.qualifiedName(c.func());
      if (q.isPresent()) {
        return q.get().equals("pytest.raises") || q.get().equals("pytest.warns");
      }
      return c.func() instanceof Expr.Attribute a
          && (a.attr().equals("assertRaises") || a.attr().equals("assertRaisesRegex"));
    }

    /** {@code __name__ == "__main__"}. */
    private static boolean isMainGuard(Expr test) {
      return test instanceof Expr.Compare c
          && c.left() instanceof Expr.Name n
          && n.id().equals("__name__")
          && c.comparators().size() == 1
          && literal(c.comparators().get(0)).filter("__main__"::equals).isPresent();
    }

    /** {@code raise NotImplementedError(...)} marks an abstract method, not an error path. */
    private static boolean raisesNotImplemented(Expr e) {
      Expr f = e instanceof Expr.Call c ? c.func() : e;
      return f instanceof Expr.Name n && n.id().equals("NotImplementedError");
    }

    private static Optional<String> literal(Expr e) {
      return e instanceof Expr.Constant c && c.value() instanceof ConstantValue.Str s
          ? Optional.of(s.value())
          : Optional.empty();
    }
  }
}
