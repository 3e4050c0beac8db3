package dev.keel.metrics;

import dev.keel.python.ast.Comprehension;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.SyntaxChildren;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Cyclomatic complexity as radon's {@code cc} (5.1) counts it, so the numbers match what teams
 * already see. A function starts at 1 and its body (not its decorators, defaults or annotations)
 * adds:
 *
 * <ul>
 *   <li>1 for each {@code if}, {@code elif} and conditional expression;
 *   <li>1 for each {@code for}, {@code async for} and {@code while}, and 1 more when it has an
 *       {@code else};
 *   <li>for each {@code try}, 1 per {@code except} handler and 1 for an {@code else};
 *   <li>{@code n - 1} for a chain of {@code n} operands of one {@code and} or {@code or};
 *   <li>1 per {@code for} of a comprehension and 1 per {@code if} in it;
 *   <li>1 for each {@code assert}, whose expressions are not looked into.
 * </ul>
 *
 * Nested functions and classes add nothing: they are measured on their own. Lambdas add nothing
 * themselves, but what is inside them counts for the enclosing function. As in radon, {@code with},
 * {@code match} cases and {@code except*} handlers add nothing.
 */
public final class RadonComplexity {
  private RadonComplexity() {}

  static int of(List<Stmt> body) {
    Counter c = new Counter();
    for (int i = 0, n = body.size(); i < n; i++) {
      c.accept(body.get(i));
    }
    return c.complexity;
  }

  /** Counts one node and, through itself as the callback, its children: nothing is allocated. */
  private static final class Counter implements Consumer<Node> {
    int complexity = 1;

    @Override
    public void accept(Node n) {
      complexity += weight(n);
      switch (n) {
        case Stmt.FunctionDef f -> {}
        case Stmt.AsyncFunctionDef f -> {}
        case Stmt.ClassDef c -> {}
        case Stmt.Assert a -> {}
        default -> SyntaxChildren.forEach(n, this);
      }
    }
  }

  /** The node kinds that add to a function's complexity (their {@link #weight} can be above 0). */
  public static final Set<Class<? extends Node>> WEIGHED =
      Set.of(
          Stmt.Assert.class,
          Stmt.If.class,
          Expr.IfExp.class,
          Stmt.For.class,
          Stmt.AsyncFor.class,
          Stmt.While.class,
          Stmt.Try.class,
          Expr.BoolOp.class,
          Comprehension.class);

  /** What one node adds by itself to the function it counts for (its children aside). */
  public static int weight(Node n) {
    return switch (n) {
      case Stmt.Assert a -> 1;
      case Stmt.If s -> 1;
      case Expr.IfExp e -> 1;
      case Stmt.For s -> s.orelse().isEmpty() ? 1 : 2;
      case Stmt.AsyncFor s -> s.orelse().isEmpty() ? 1 : 2;
      case Stmt.While s -> s.orelse().isEmpty() ? 1 : 2;
      case Stmt.Try t -> t.handlers().size() + (t.orelse().isEmpty() ? 0 : 1);
      case Expr.BoolOp b -> b.values().size() - 1;
      case Comprehension c -> 1 + c.ifs().size();
      default -> 0;
    };
  }

  /**
   * The def whose complexity node {@code n}'s {@link #weight} counts for, given the nodes that
   * enclose it (outermost first), or {@code null}: the same attribution as {@link #of}, for a walk
   * that visits every node once. That is the innermost enclosing def, through lambdas, when the
   * node is in its body; nobody when the node is inside an {@code assert}, inside a class, in a
   * def's decorators, defaults or annotations, or at module level.
   */
  public static Node countsFor(Node n, List<Node> ancestors) {
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Node a = ancestors.get(i);
      switch (a) {
        case Stmt.FunctionDef f -> {
          return inBody(n, ancestors, i) ? a : null;
        }
        case Stmt.AsyncFunctionDef f -> {
          return inBody(n, ancestors, i) ? a : null;
        }
        case Stmt.ClassDef c -> {
          return null;
        }
        case Stmt.Assert x -> {
          return null;
        }
        default -> {}
      }
    }
    return null;
  }

  /**
   * Whether the path below the def at {@code i} goes through its body: the only statements a def
   * holds are its body's (decorators, defaults and annotations are expressions). The node itself,
   * when the def is its parent, is a body statement exactly when it is a statement.
   */
  private static boolean inBody(Node n, List<Node> ancestors, int i) {
    return (i + 1 < ancestors.size() ? ancestors.get(i + 1) : n) instanceof Stmt;
  }
}
