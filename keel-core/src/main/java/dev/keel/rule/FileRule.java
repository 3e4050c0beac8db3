package dev.keel.rule;

import dev.keel.python.ast.Node;
import java.util.Set;

/**
 * A rule that looks at one module. One walk over each file hands every node of the kinds the rule
 * names ({@link #nodeKinds}) to {@link #visit}, parents before children, so no rule walks the tree
 * on its own; a rule that wants calls implements {@link CallRule} and is handed only the calls it
 * names. Rule objects are shared by all threads: keep per-file state in a {@link FileVisit.Memo}.
 */
public interface FileRule extends Rule {
  /**
   * Node classes to receive, such as {@code Stmt.Try.class}; none (the default) for a rule that
   * reads the whole file in {@link #finish}. Calls go to a {@link CallRule} by name instead.
   */
  default Set<Class<? extends Node>> nodeKinds() {
    return Set.of();
  }

  /**
   * Called for each node of a kind in {@link #nodeKinds()}: a rule of one kind matches it with a
   * pattern ({@code if (!(node instanceof ExceptHandler h)) return;}), a rule of several switches
   * over them.
   */
  default void visit(Node node, FileVisit file) {}

  /** Called once per file after the walk (also for files that do not parse). */
  default void finish(FileVisit file) {}
}
