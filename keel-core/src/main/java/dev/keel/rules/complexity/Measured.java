package dev.keel.rules.complexity;

import dev.keel.metrics.CallableMetrics;
import dev.keel.metrics.Callables;
import dev.keel.metrics.FunctionSyntax;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileVisit;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The measures of the def being visited, computed once per file for all {@code CPX} rules. */
final class Measured {
  static final Set<Class<? extends Node>> DEFS =
      Set.of(Stmt.FunctionDef.class, Stmt.AsyncFunctionDef.class);

  private static final Object KEY = new Object();

  private Measured() {}

  static Optional<CallableMetrics> of(Node node, FileVisit file) {
    Map<Node, Optional<CallableMetrics>> cache = file.state(KEY, IdentityHashMap::new);
    return cache.computeIfAbsent(
        node,
        n ->
            FunctionSyntax.of(n, file.ancestors())
                .map(def -> Callables.measure(def, file.parse())));
  }
}
