package dev.keel.metrics;

import dev.keel.python.ast.Comprehension;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.SyntaxChildren;
import java.util.ArrayDeque;
import java.util.List;

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
final class RadonComplexity {
  private RadonComplexity() {}

  static int of(List<Stmt> body) {
    int complexity = 1;
    ArrayDeque<Node> todo = new ArrayDeque<>(body);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      switch (n) {
        case Stmt.FunctionDef f -> {
          continue;
        }
        case Stmt.AsyncFunctionDef f -> {
          continue;
        }
        case Stmt.ClassDef c -> {
          continue;
        }
        case Stmt.Assert a -> {
          complexity++;
          continue;
        }
        case Stmt.If s -> complexity++;
        case Expr.IfExp e -> complexity++;
        case Stmt.For s -> complexity += s.orelse().isEmpty() ? 1 : 2;
        case Stmt.AsyncFor s -> complexity += s.orelse().isEmpty() ? 1 : 2;
        case Stmt.While s -> complexity += s.orelse().isEmpty() ? 1 : 2;
        case Stmt.Try t -> complexity += t.handlers().size() + (t.orelse().isEmpty() ? 0 : 1);
        case Expr.BoolOp b -> complexity += b.values().size() - 1;
        case Comprehension c -> complexity += 1 + c.ifs().size();
        default -> {}
      }
      SyntaxChildren.forEach(n, todo::push);
    }
    return complexity;
  }
}
