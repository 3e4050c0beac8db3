package dev.keel.rules.tests;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Optional;
import java.util.Set;

/**
 * An assertion on a mock that cannot fail: a {@code Mock} makes up any attribute it is asked for,
 * and what it makes up is true.
 */
@RuleSpec(
    code = "TST005",
    summary =
        "an assertion on a mock can never fail: it asks for an attribute the mock makes up, or names"
            + " an assert method without calling it",
    severity = Severity.ERROR,
    effortMinutes = 5)
final class MockAssertionAlwaysPasses implements FileRule {
  /** Names of unittest.mock's assert methods, called or not. */
  private static final Set<String> ASSERT_METHODS =
      Set.of(
          "assert_called",
          "assert_called_once",
          "assert_called_with",
          "assert_called_once_with",
          "assert_any_call",
          "assert_has_calls",
          "assert_not_called",
          "assert_awaited",
          "assert_awaited_once",
          "assert_awaited_with",
          "assert_awaited_once_with",
          "assert_any_await",
          "assert_has_awaits",
          "assert_not_awaited");

  /** unittest's assertions of truth, whose first argument is what is asserted. */
  private static final Set<String> TRUTH_ASSERTS = Set.of("assertTrue", "assert_", "failUnless");

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Stmt.Assert.class, Stmt.ExprStmt.class);
  }

  @Override
  public void visit(Node node, FileVisit file) {
    switch (node) {
      case Stmt.Assert a -> alwaysTrue(a.test(), file).ifPresent(m -> file.report(a.test(), m));
      case Stmt.ExprStmt e -> {
        // mock.assert_called_once: the method, named and never called, checks nothing.
        if (e.value() instanceof Expr.Attribute at && ASSERT_METHODS.contains(at.attr())) {
          file.report(
              e.value(),
              "`"
                  + file.text(e.value())
                  + "` names the assert method without calling it, so it checks nothing: write `"
                  + file.text(e.value())
                  + "()`");
        }
        // self.assertTrue(mock.called_once_with(x))
        if (e.value() instanceof Expr.Call c
            && c.func() instanceof Expr.Attribute f
            && TRUTH_ASSERTS.contains(f.attr())
            && !c.args().isEmpty()) {
          alwaysTrue(c.args().get(0), file).ifPresent(m -> file.report(c.args().get(0), m));
        }
      }
      default -> {}
    }
  }

  /** Why asserting {@code test} cannot fail, if it cannot. */
  private static Optional<String> alwaysTrue(Expr test, FileVisit file) {
    // assert mock.called_once_with(x) / assert mock.has_calls([...]): a made-up child mock,
    // called, returns another mock, which is true.
    if (test instanceof Expr.Call c
        && c.func() instanceof Expr.Attribute f
        && madeUp(f.attr())
        && !(f.value() instanceof Expr.Name n && n.id().equals("self"))) {
      return Optional.of(
          "`"
              + f.attr()
              + "` is not a Mock method: the mock makes up a child that returns a true value, so"
              + " this never fails; "
              + instead(f.value(), f.attr(), file)
              + " instead");
    }
    // assert mock.called_once: a made-up attribute, which is a (true) mock.
    if (test instanceof Expr.Attribute f && madeUp(f.attr())) {
      return Optional.of(
          "`"
              + f.attr()
              + "` is not a Mock attribute: the mock makes up a child, which is true, so this"
              + " never fails; "
              + instead(f.value(), f.attr(), file)
              + " instead");
    }
    // assert mock.assert_called_once: a bound method is true.
    if (test instanceof Expr.Attribute f && ASSERT_METHODS.contains(f.attr())) {
      return Optional.of(
          "`"
              + file.text(test)
              + "` is a method, which is true, so this never fails: call it, `"
              + file.text(test)
              + "()`, without `assert`");
    }
    return Optional.empty();
  }

  /**
   * The misspellings of Mock's call checks (its real attributes are {@code called}, {@code
   * call_count}, {@code call_args}…): a {@code Mock} makes them up, and so does a {@code call}.
   */
  private static final Set<String> MADE_UP =
      Set.of(
          "called_once",
          "called_twice",
          "called_with",
          "called_once_with",
          "not_called",
          "not_called_with",
          "has_calls",
          "any_call",
          "has_been_called",
          "awaited_once",
          "awaited_with",
          "awaited_once_with");

  private static boolean madeUp(String attr) {
    return MADE_UP.contains(attr);
  }

  /** What to write instead: the assert method, or for a recorded call a comparison. */
  private static String instead(Expr receiver, String attr, FileVisit file) {
    String r = file.text(receiver);
    if (receiver instanceof Expr.Subscript) {
      return "compare the recorded call, `" + r + " == mock.call(…)`";
    }
    return "call `" + r + ".assert_" + attr + "(…)`";
  }
}
