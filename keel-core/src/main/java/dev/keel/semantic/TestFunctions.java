package dev.keel.semantic;

import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Mod;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.SyntaxChildren;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the functions of one test module assert, read by the module summary's test facts (for
 * TST001) and by TST002. The functions are the module's top-level functions and the methods of its
 * test classes; a test is a {@code test*} one of them at module level or in a {@code Test*} /
 * {@code *TestCase} class, as pytest and unittest collect them.
 */
public final class TestFunctions {
  /**
   * One function of the module and what its body does.
   *
   * @param name its own name: {@code check}
   * @param qualifiedName qualified within the module: {@code check}, {@code TestCart.check}
   * @param isFixture decorated with {@code @pytest.fixture}: never an assertion helper
   * @param calls the functions it calls by bare name, and {@code self.}/{@code cls.} methods as
   *     {@code self.name}
   */
  public record Function(
      Node node,
      String name,
      String qualifiedName,
      boolean isTest,
      boolean isFixture,
      int asserts,
      int mockAsserts,
      Set<String> calls) {}

  private TestFunctions() {}

  /** Every function of the module (tests and helpers), in source order. */
  public static List<Function> of(Mod.Module module) {
    List<Function> out = new ArrayList<>();
    collect(module.body(), out);
    return out;
  }

  /**
   * The dotted names that the calls of {@code f} (other than assertions) reach: imported names to
   * what they import, the module's own functions to {@code moduleName.f} and {@code self.m} to
   * {@code moduleName.Class.m} ({@code topLevel}: the names of the module's top-level functions). A
   * second walk over one function's body, so that only the functions that do not assert pay for it.
   */
  public static Set<String> resolvedCalls(
      Function f, Set<String> topLevel, SemanticModel model, String moduleName) {
    Set<String> out = new HashSet<>();
    List<Stmt> body =
        switch (f.node()) {
          case Stmt.FunctionDef d -> d.body();
          case Stmt.AsyncFunctionDef d -> d.body();
          default -> List.of();
        };
    for (Stmt s : body) {
      resolve(s, model, out);
    }
    String prefix = moduleName.isEmpty() ? "" : moduleName + ".";
    String owner =
        f.qualifiedName().length() == f.name().length()
            ? ""
            : f.qualifiedName().substring(0, f.qualifiedName().length() - f.name().length());
    for (String c : f.calls()) {
      if (c.startsWith(SELF)) {
        if (!owner.isEmpty()) {
          out.add(prefix + owner + c.substring(SELF.length()));
        }
      } else if (topLevel.contains(c)) {
        out.add(prefix + c);
      }
    }
    return out;
  }

  private static void resolve(Node n, SemanticModel model, Set<String> out) {
    switch (n) {
      case Expr.Call c -> {
        String name = lastNameOrNull(c.func());
        if (name != null && !isMockAssertion(name) && !isAssertion(c.func(), name)) {
          model.qualifiedName(c.func()).filter(q -> !q.startsWith("builtins.")).ifPresent(out::add);
        }
      }
      case Stmt.FunctionDef d -> {
        return;
      }
      case Stmt.AsyncFunctionDef d -> {
        return;
      }
      case Stmt.ClassDef d -> {
        return;
      }
      default -> {}
    }
    SyntaxChildren.forEach(n, c -> resolve(c, model, out));
  }

  /** Names of module functions that assert, directly or through other such functions. */
  public static Set<String> assertingHelpers(List<Function> functions) {
    Map<String, Function> byName = new HashMap<>();
    for (Function f : functions) {
      byName.putIfAbsent(f.name(), f);
    }
    Set<String> asserting = new HashSet<>();
    for (Function f : functions) {
      // A fixture is set up by pytest, never called by a test: its asserts check the set-up.
      if (f.asserts() > 0 && !f.isFixture()) {
        asserting.add(f.name());
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Function f : functions) {
        if (!asserting.contains(f.name())
            && !f.isFixture()
            && f.calls().stream().anyMatch(c -> asserts(c, asserting, byName))) {
          grew |= asserting.add(f.name());
        }
      }
    }
    return asserting;
  }

  /** Marks a call on {@code self}/{@code cls} in a function's call set. */
  static final String SELF = "self.";

  /**
   * Whether a call may assert: a module function that asserts, a helper named like one, or a method
   * of {@code self} this module does not define (inherited from a base test class in another
   * module, which Keel cannot see: it is given the benefit of the doubt).
   */
  private static boolean asserts(String call, Set<String> asserting, Map<String, Function> byName) {
    if (call.startsWith(SELF)) {
      String method = call.substring(SELF.length());
      return asserting.contains(method)
          || !byName.containsKey(method)
          || looksLikeAssertionHelper(method);
    }
    return asserting.contains(call)
        || (!byName.containsKey(call) && looksLikeAssertionHelper(call));
  }

  /** {@code assert_frame_equal}, {@code check_output}, {@code verify_all}, {@code expect_…}. */
  static boolean looksLikeAssertionHelper(String name) {
    int at = name.startsWith("_") ? 1 : 0;
    return startsWithIgnoringCase(name, at, "assert")
        || startsWithIgnoringCase(name, at, "check")
        || (at == 0
            && (startsWithIgnoringCase(name, 0, "verify")
                || startsWithIgnoringCase(name, 0, "expect")));
  }

  private static boolean startsWithIgnoringCase(String s, int at, String prefix) {
    return s.regionMatches(true, at, prefix, 0, prefix.length());
  }

  private static void collect(List<Stmt> body, List<Function> out) {
    for (Stmt s : body) {
      switch (s) {
        case Stmt.FunctionDef d -> out.add(analyse(d, d.name(), "", d.body(), d.decoratorList()));
        case Stmt.AsyncFunctionDef d ->
            out.add(analyse(d, d.name(), "", d.body(), d.decoratorList()));
        case Stmt.ClassDef c -> {
          boolean testClass =
              c.name().startsWith("Test")
                  || c.bases().stream()
                      .map(TestFunctions::lastNameOrNull)
                      .anyMatch(b -> b != null && b.endsWith("TestCase"));
          if (testClass) {
            for (Stmt m : c.body()) {
              switch (m) {
                case Stmt.FunctionDef d ->
                    out.add(analyse(d, d.name(), c.name(), d.body(), d.decoratorList()));
                case Stmt.AsyncFunctionDef d ->
                    out.add(analyse(d, d.name(), c.name(), d.body(), d.decoratorList()));
                default -> {}
              }
            }
          }
        }
        case Stmt.If i -> {
          collect(i.body(), out);
          collect(i.orelse(), out);
        }
        default -> {}
      }
    }
  }

  /**
   * One function or method read on its own, as {@link #of} reads those it collects: for a reader
   * that decides for itself which functions are tests (the test lock counts the assertions of every
   * {@code test*} method, whatever its class is called).
   *
   * @param owner the name of the class that holds it, or {@code ""} at module level
   */
  public static Function function(Stmt def, String owner) {
    return switch (def) {
      case Stmt.FunctionDef d -> analyse(d, d.name(), owner, d.body(), d.decoratorList());
      case Stmt.AsyncFunctionDef d -> analyse(d, d.name(), owner, d.body(), d.decoratorList());
      default -> throw new IllegalArgumentException("not a function: " + def.getClass());
    };
  }

  /** What a walk over one function body counts and collects. */
  private static final class Scan {
    int asserts;
    int mockAsserts;
    final Set<String> calls = new HashSet<>();
    // One visitor per function, not one lambda per node.
    final java.util.function.Consumer<Node> visit = n -> scan(n, this);
  }

  private static Function analyse(
      Node def, String name, String owner, List<Stmt> body, List<Expr> decorators) {
    Scan scan = new Scan();
    for (Stmt s : body) {
      scan(s, scan);
    }
    boolean isFixture = false;
    for (Expr d : decorators) {
      String n = lastNameOrNull(d instanceof Expr.Call c ? c.func() : d);
      isFixture |= "fixture".equals(n) || "yield_fixture".equals(n);
    }
    // pytest does not collect a fixture as a test, whatever its name.
    boolean isTest = name.startsWith("test") && !isFixture;
    return new Function(
        def,
        name,
        owner.isEmpty() ? name : owner + "." + name,
        isTest,
        isFixture,
        scan.asserts,
        scan.mockAsserts,
        scan.calls);
  }

  private static void scan(Node n, Scan scan) {
    switch (n) {
      case Stmt.Assert a -> {
        scan.asserts++;
        if (isMockAttributeCheck(a.test())) {
          scan.mockAsserts++;
        }
      }
      case Stmt.Raise r -> {
        if (r.exc() != null && "AssertionError".equals(lastNameOrNull(r.exc()))) {
          scan.asserts++;
        }
      }
      case Expr.Call c -> {
        String name = lastNameOrNull(c.func());
        if (name != null) {
          if (isMockAssertion(name)) {
            scan.asserts++;
            scan.mockAsserts++;
          } else if (isAssertion(c.func(), name)) {
            scan.asserts++;
          } else if (c.func() instanceof Expr.Name) {
            scan.calls.add(name);
          } else if (c.func() instanceof Expr.Attribute a
              && a.value() instanceof Expr.Name self
              && (self.id().equals("self") || self.id().equals("cls"))) {
            scan.calls.add(SELF + name);
          }
        }
      }
      // Nested functions and classes are not run by the test unless called; their asserts count
      // only through a call, which the call set records.
      case Stmt.FunctionDef d -> {
        return;
      }
      case Stmt.AsyncFunctionDef d -> {
        return;
      }
      case Stmt.ClassDef d -> {
        return;
      }
      default -> {}
    }
    SyntaxChildren.forEach(n, scan.visit);
  }

  /** {@code m.assert_called_once_with(…)} and the other assertion methods of unittest.mock. */
  static boolean isMockAssertion(String name) {
    return name.startsWith("assert_called")
        || name.startsWith("assert_not_called")
        || name.startsWith("assert_any_call")
        || name.startsWith("assert_has_calls")
        || name.startsWith("assert_awaited")
        || name.startsWith("assert_not_awaited")
        || name.startsWith("assert_any_await")
        || name.startsWith("assert_has_awaits");
  }

  /** {@code assert m.called}, {@code assert m.call_count == 2}, {@code m.call_args == …}. */
  private static boolean isMockAttributeCheck(Expr test) {
    return switch (test) {
      case Expr.Attribute a -> MOCK_ATTRIBUTES.contains(a.attr());
      case Expr.UnaryOp u -> isMockAttributeCheck(u.operand());
      case Expr.Compare c ->
          isMockAttributeCheck(c.left())
              || c.comparators().stream().anyMatch(TestFunctions::isMockAttributeCheck);
      case Expr.Subscript s -> isMockAttributeCheck(s.value());
      default -> false;
    };
  }

  private static final Set<String> MOCK_ATTRIBUTES =
      Set.of(
          "called",
          "call_count",
          "call_args",
          "call_args_list",
          "mock_calls",
          "method_calls",
          "await_count",
          "await_args",
          "await_args_list",
          "awaited");

  /** pytest.raises, warns and fail; self.assertX and failX; numpy and pandas assert helpers. */
  private static boolean isAssertion(Expr func, String name) {
    if (name.startsWith("assert") || name.startsWith("fail")) {
      return true;
    }
    if (func instanceof Expr.Attribute && looksLikeAssertionHelper(name)) {
      return true; // support.check_warnings(...), testing.assert_frame_equal(...)
    }
    if (func instanceof Expr.Attribute a && "pytest".equals(lastNameOrNull(a.value()))) {
      return PYTEST_ASSERTIONS.contains(name);
    }
    return name.equals("raises") || name.equals("warns") || name.equals("deprecated_call");
  }

  private static final Set<String> PYTEST_ASSERTIONS =
      Set.of("raises", "warns", "deprecated_call", "fail");

  /**
   * The last name of a dotted expression: {@code c} for {@code a.b.c}, {@code f} for {@code f};
   * {@code null} for anything else.
   */
  private static String lastNameOrNull(Expr e) {
    return switch (e) {
      case Expr.Name n -> n.id();
      case Expr.Attribute a -> a.attr();
      case Expr.Call c -> lastNameOrNull(c.func());
      default -> null;
    };
  }
}
