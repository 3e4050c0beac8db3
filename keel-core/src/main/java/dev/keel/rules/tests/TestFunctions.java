package dev.keel.rules.tests;

import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileVisit;
import dev.keel.rule.SyntaxChildren;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the test functions of one test module assert, shared by the TST file rules. A test is a
 * {@code test*} function at module level or in a {@code Test*} / {@code *TestCase} class, as pytest
 * and unittest collect them.
 */
final class TestFunctions {
  /** One function of the module and what its body does. */
  record Function(
      Node node, String name, boolean isTest, int asserts, int mockAsserts, Set<String> calls) {}

  private TestFunctions() {}

  /** Every function of the module (tests and helpers), in source order. */
  static List<Function> of(FileVisit file) {
    List<Function> out = new ArrayList<>();
    collect(file.parse().module().body(), out);
    return out;
  }

  /** Names of module functions that assert, directly or through other such functions. */
  static Set<String> assertingHelpers(List<Function> functions) {
    Map<String, Function> byName = new HashMap<>();
    for (Function f : functions) {
      byName.putIfAbsent(f.name(), f);
    }
    Set<String> asserting = new HashSet<>();
    for (Function f : functions) {
      if (f.asserts() > 0) {
        asserting.add(f.name());
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Function f : functions) {
        if (!asserting.contains(f.name())
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
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.startsWith("assert")
        || n.startsWith("check")
        || n.startsWith("verify")
        || n.startsWith("expect")
        || n.startsWith("_assert")
        || n.startsWith("_check");
  }

  private static void collect(List<Stmt> body, List<Function> out) {
    for (Stmt s : body) {
      switch (s) {
        case Stmt.FunctionDef d -> out.add(analyse(d, d.name(), d.body(), true));
        case Stmt.AsyncFunctionDef d -> out.add(analyse(d, d.name(), d.body(), true));
        case Stmt.ClassDef c -> {
          boolean testClass =
              c.name().startsWith("Test")
                  || c.bases().stream().anyMatch(b -> lastName(b).orElse("").endsWith("TestCase"));
          if (testClass) {
            for (Stmt m : c.body()) {
              switch (m) {
                case Stmt.FunctionDef d -> out.add(analyse(d, d.name(), d.body(), true));
                case Stmt.AsyncFunctionDef d -> out.add(analyse(d, d.name(), d.body(), true));
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

  private static Function analyse(Node def, String name, List<Stmt> body, boolean collectable) {
    int[] counts = new int[2];
    Set<String> calls = new HashSet<>();
    for (Stmt s : body) {
      scan(s, counts, calls);
    }
    boolean isTest = collectable && name.startsWith("test");
    return new Function(def, name, isTest, counts[0], counts[1], calls);
  }

  private static void scan(Node n, int[] counts, Set<String> calls) {
    switch (n) {
      case Stmt.Assert a -> {
        counts[0]++;
        if (isMockAttributeCheck(a.test())) {
          counts[1]++;
        }
      }
      case Stmt.Raise r -> {
        if (r.exc() != null
            && lastName(r.exc()).filter(x -> x.equals("AssertionError")).isPresent()) {
          counts[0]++;
        }
      }
      case Expr.Call c -> {
        Optional<String> callee = lastName(c.func());
        if (callee.isPresent()) {
          String name = callee.get();
          if (isMockAssertion(name)) {
            counts[0]++;
            counts[1]++;
          } else if (isAssertion(c.func(), name)) {
            counts[0]++;
          } else if (c.func() instanceof Expr.Name) {
            calls.add(name);
          } else if (c.func() instanceof Expr.Attribute a
              && a.value() instanceof Expr.Name self
              && (self.id().equals("self") || self.id().equals("cls"))) {
            calls.add(SELF + name);
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
    SyntaxChildren.forEach(n, c -> scan(c, counts, calls));
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
    if (func instanceof Expr.Attribute a && lastName(a.value()).orElse("").equals("pytest")) {
      return Set.of("raises", "warns", "deprecated_call", "fail").contains(name);
    }
    return name.equals("raises") || name.equals("warns") || name.equals("deprecated_call");
  }

  /** The last name of a dotted expression: {@code c} for {@code a.b.c}, {@code f} for {@code f}. */
  static Optional<String> lastName(Expr e) {
    return switch (e) {
      case Expr.Name n -> Optional.of(n.id());
      case Expr.Attribute a -> Optional.of(a.attr());
      case Expr.Call c -> lastName(c.func());
      default -> Optional.empty();
    };
  }
}
