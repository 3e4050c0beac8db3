package dev.keel.rule;

import dev.keel.python.ast.Node;
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

  /** Called for each node of a kind in {@link #nodeKinds()}. */
  default void visit(Node node, FileVisit file) {}

  /** Called once per file after the walk (also for files that do not parse). */
  default void finish(FileVisit file) {}
}
