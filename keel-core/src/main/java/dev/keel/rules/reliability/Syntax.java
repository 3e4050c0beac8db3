package dev.keel.rules.reliability;

import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.SyntaxChildren;
import dev.keel.rule.FileVisit;
import java.util.List;
import java.util.function.Predicate;

/**
 * Questions the reliability rules ask of names and of the enclosing code (the argument helpers are
 * on {@code Expr.Call}).
 */
final class Syntax {
  private Syntax() {}

  /**
   * Whether {@code e} is the builtin {@code name}. FileVisit resolves only the builtin functions;
   * an exception or warning class name that no import or assignment rebinds is taken as the
   * builtin.
   */
  static boolean isBuiltin(Expr e, String name, FileVisit file) {
    return file.qualifiedName(e)
        .map(q -> q.equals("builtins." + name))
        .orElse(e instanceof Expr.Name n && n.id().equals(name));
  }

  /** The innermost function or lambda among {@code ancestors}, or null at module or class level. */
  static Node enclosingFunction(List<Node> ancestors) {
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Node n = ancestors.get(i);
      if (n instanceof Stmt.FunctionDef
          || n instanceof Stmt.AsyncFunctionDef
          || n instanceof Expr.Lambda) {
        return n;
      }
    }
    return null;
  }

  /**
   * Whether some node of {@code body} satisfies {@code p}, not looking inside nested functions,
   * lambdas or classes (their code runs elsewhere).
   */
  static boolean anyInScope(List<? extends Node> body, Predicate<Node> p) {
    for (Node n : body) {
      if (anyInScope(n, p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyInScope(Node n, Predicate<Node> p) {
    if (p.test(n)) {
      return true;
    }
    if (n instanceof Stmt.FunctionDef
        || n instanceof Stmt.AsyncFunctionDef
        || n instanceof Stmt.ClassDef
        || n instanceof Expr.Lambda) {
      return false;
    }
    boolean[] found = {false};
    SyntaxChildren.forEach(
        n,
        c -> {
          if (!found[0] && anyInScope(c, p)) {
            found[0] = true;
          }
        });
    return found[0];
  }
}
