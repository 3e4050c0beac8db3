package dev.keel.rule;

import dev.keel.python.ast.Node;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A rule that looks at one module. It names the node kinds it wants; one walk over each file hands
 * every node of those kinds to {@link #visit}, parents before children, so no rule walks the tree
 * on its own. Rule objects are shared by all threads: keep per-file state in {@link
 * FileVisit#state}.
 */
public interface FileRule extends Rule {
  /** Node classes to receive, such as {@code Stmt.Try.class}; empty for whole-file rules. */
  Set<Class<? extends Node>> nodeKinds();

  /**
   * For a rule that wants {@code Expr.Call} only to find calls of certain functions: the last parts
   * of their qualified names ({@code "sleep"} for {@code time.sleep}, {@code "get"} for {@code
   * requests.get}). The walk then hands the rule only the calls whose callee ends so: {@code
   * x.sleep(…)}, {@code sleep(…)}, and a name imported under another one ({@code from time import
   * sleep as nap; nap(…)}). The rule still resolves the call; this only spares it the others. Empty
   * (the default): every call.
   */
  default Set<String> callees() {
    return Set.of();
  }

  /**
   * The last parts of qualified names, for {@link #callees}: {@code sleep} of {@code time.sleep}.
   */
  static Set<String> lastParts(Collection<String> qualifiedNames) {
    Set<String> out = new HashSet<>();
    for (String q : qualifiedNames) {
      out.add(q.substring(q.lastIndexOf('.') + 1));
    }
    return Set.copyOf(out);
  }

  /** Called for each node of a kind in {@link #nodeKinds()}. */
  default void visit(Node node, FileVisit file) {}

  /** Called once per file after the walk (also for files that do not parse). */
  default void finish(FileVisit file) {}
}
