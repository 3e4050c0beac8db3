package dev.keel.rules.complexity;

import dev.keel.python.ast.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one rule adds up for each def of a file while the walk goes on (CPX001's complexity,
 * CPX004's deepest block), kept in a rule's own memo: one value per def, found again by the def's
 * node, and listed in the order the walk met the defs.
 */
final class PerDef<T> {
  private final Map<Node, T> byDef = new IdentityHashMap<>();
  private final List<T> inOrder = new ArrayList<>();

  /** Starts the tally of {@code def}, met by the walk now. */
  void start(Node def, T tally) {
    if (byDef.putIfAbsent(def, tally) == null) {
      inOrder.add(tally);
    }
  }

  /** The tally of {@code def} ({@code null}: no def, or one the walk has not met). */
  T of(Node def) {
    return def == null ? null : byDef.get(def);
  }

  /** Every tally, in the order the walk met the defs. */
  List<T> all() {
    return inOrder;
  }
}
