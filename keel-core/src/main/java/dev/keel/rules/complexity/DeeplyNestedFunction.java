package dev.keel.rules.complexity;

import dev.keel.finding.Severity;
import dev.keel.metrics.Nesting;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.HashSet;
import java.util.Set;

@RuleSpec(
    code = "CPX004",
    summary = "A function nests blocks deeper than max-nesting",
    severity = Severity.WARNING,
    effortMinutes = 20)
final class DeeplyNestedFunction implements FileRule {
  private static final Set<Class<? extends Node>> KINDS = kinds();

  private static Set<Class<? extends Node>> kinds() {
    Set<Class<? extends Node>> kinds = new HashSet<>(Measured.DEFS);
    kinds.addAll(Nesting.BLOCKS);
    return Set.copyOf(kinds);
  }

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return KINDS;
  }

  /** The deepest nesting of a def so far and the first block that reached it. */
  private static final class Deepest {
    final Measured def;
    int depth;
    Stmt block;

    Deepest(Measured def) {
      this.def = def;
    }
  }

  private final FileVisit.Memo<PerDef<Deepest>> deepest = FileVisit.Memo.of(PerDef::new);

  @Override
  public void visit(Node node, FileVisit file) {
    PerDef<Deepest> defs = file.memo(deepest);
    if (Measured.DEFS.contains(node.getClass())) {
      defs.start(node, new Deepest(Measured.of(node, file)));
      return;
    }
    if (!(node instanceof Stmt block)) {
      return; // only defs and the blocks of Nesting.BLOCKS are shown
    }
    Nesting.Place place = Nesting.countsFor(block, file.ancestors(), file.text());
    Deepest owner = place == null ? null : defs.of(place.def());
    if (owner != null && place.level() > owner.depth) {
      owner.depth = place.level();
      owner.block = block;
    }
  }

  @Override
  public void finish(FileVisit file) {
    int limit = file.config().thresholds().maxNesting();
    for (Deepest d : file.memo(deepest).all()) {
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
