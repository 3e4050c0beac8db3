package dev.keel.rule;

import dev.keel.python.ast.Expr;
import java.util.Set;

/**
 * A file rule that looks at calls of certain functions (Error Prone's {@code
 * MethodInvocationTreeMatcher} with its {@code MethodMatchers}): it names them once, in {@link
 * #calls}, and the walk hands it each call of one of them as an {@code Expr.Call}. The walk derives
 * its filter from the names: a call reaches the rule only when its callee's last name ({@code
 * mktemp} in {@code tempfile.mktemp(…)}, {@code tmp.mktemp(…)}, {@code mktemp(…)}, or {@code m(…)}
 * after {@code from tempfile import mktemp as m}) is one of theirs, and then only when it resolves
 * through the module's imports ({@link FileVisit#qualifiedName}) to a name the rule gave.
 *
 * <p>A rule that also wants other kinds of node names them in {@link #nodeKinds()} (never {@code
 * Expr.Call}) and receives them in {@link #visit}, as any file rule does.
 */
public interface CallRule extends FileRule {
  /** In {@link #calls}: every call, whatever its callee (a rule that looks at the arguments). */
  String EVERY_CALL = "*";

  /**
   * The functions whose calls the rule wants: qualified names as {@link FileVisit#qualifiedName}
   * gives them ({@code "tempfile.mktemp"}, {@code "builtins.eval"}, {@code "requests.Session"});
   * {@code "*.NAME"} for a method or function of that last name whatever it resolves to, also
   * nothing ({@code cursor.execute(…)} on a cursor Keel cannot type); or {@link #EVERY_CALL}.
   */
  Set<String> calls();

  /** Called for each call of one of {@link #calls()}, after the rules that want its parents. */
  void visitCall(Expr.Call call, FileVisit file);
}
