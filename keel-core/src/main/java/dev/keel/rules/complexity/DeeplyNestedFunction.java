package dev.keel.rules.complexity;

import dev.keel.metrics.Nesting;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import dev.keel.rule.Scope;
import dev.keel.rule.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleSpec(
    code = "CPX004",
    name = "DeeplyNestedFunction",
    summary = "A function nests blocks deeper than max-nesting",
    severity = Severity.WARNING,
    effortMinutes = 20,
    scope = Scope.FILE)
final class DeeplyNestedFunction implements FileRule {
  private static final Set<Class<? extends Node>> KINDS = kinds();

  private static final Object KEY = new Object();

  /** One def of the file: its deepest level so far and the first block that reached it. */
  private static final class Deepest {
    final Measured def;
    int depth;
    Stmt block;

    Deepest(Measured def) {
      this.def = def;
    }
  }

  /**
   * The defs in the order the walk met them: the walk hands each block statement to the def it
   * counts for, so no def is walked twice.
   */
  private static final class Defs {
    final List<Deepest> inOrder = new ArrayList<>();
    final Map<Node, Deepest> byNode = new IdentityHashMap<>();
    final int[] level = new int[1];
  }

  private static Set<Class<? extends Node>> kinds() {
    Set<Class<? extends Node>> kinds = new HashSet<>(Measured.DEFS);
    kinds.addAll(Nesting.BLOCKS);
    return Set.copyOf(kinds);
  }

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return KINDS;
  }

  @Override
  public void visit(Node node, FileVisit file) {
    Defs defs = file.state(KEY, Defs::new);
    if (Measured.DEFS.contains(node.getClass())) {
      Deepest d = new Deepest(Measured.of(node, file));
      defs.inOrder.add(d);
      defs.byNode.put(node, d);
      return;
    }
    Stmt block = (Stmt) node;
    Node owner = Nesting.countsFor(block, file.ancestors(), file.text(), defs.level);
    if (owner != null) {
      Deepest d = defs.byNode.get(owner);
      if (defs.level[0] > d.depth) {
        d.depth = defs.level[0];
        d.block = block;
      }
    }
  }

  @Override
  public void finish(FileVisit file) {
    Defs defs = file.state(KEY, Defs::new);
    int limit = file.threshold("max-nesting");
    for (Deepest d : defs.inOrder) {
      if (d.depth > limit) {
        // Point at the header line of the deepest block: that is where to start untangling.
        int start = d.block.range().start();
        int line = file.lines().line(start);
        int end = Math.min(file.lines().lineEnd(line), d.block.range().end());
        file.report(
            new TextRange(start, end),
            "`"
                + d.def.name()
                + "` nests blocks "
                + d.depth
                + " deep (max-nesting is "
                + limit
                + ")");
      }
    }
  }
}
