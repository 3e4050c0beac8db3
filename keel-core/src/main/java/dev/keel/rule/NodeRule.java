package dev.keel.rule;

import dev.keel.python.ast.Node;
import java.util.Set;

/**
 * A file rule that looks at one kind of node and receives it as that kind: {@code
 * NodeRule<ExceptHandler>} is handed each {@code except} clause, parents before children. A rule of
 * several kinds is a {@link FileRule} that switches over them; a rule that wants calls is a {@link
 * CallRule}.
 */
public interface NodeRule<T extends Node> extends FileRule {
  /** The node class to receive, such as {@code ExceptHandler.class}. */
  Class<T> kind();

  /** Called for each node of {@link #kind()}. */
  void visitNode(T node, FileVisit file);

  @Override
  default Set<Class<? extends Node>> nodeKinds() {
    return Set.of(kind());
  }

  @Override
  default void visit(Node node, FileVisit file) {
    visitNode(kind().cast(node), file);
  }
}
