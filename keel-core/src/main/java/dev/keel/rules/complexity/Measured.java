package dev.keel.rules.complexity;

import dev.keel.metrics.Callables;
import dev.keel.metrics.FunctionSyntax;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.rule.FileVisit;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The def being visited, measured on demand: the {@code CPX} rules visit it one after another and
 * share one instance, and each measure is computed only when a rule asks for it. Nothing a rule
 * adds up lives here: a rule that tallies something per def keeps its own {@link PerDef}.
 */
final class Measured {
  static final Set<Class<? extends Node>> DEFS =
      Set.of(Stmt.FunctionDef.class, Stmt.AsyncFunctionDef.class);

  /** Every def of the file measured so far, shared by the {@code CPX} rules. */
  private static final FileVisit.Memo<Map<Node, Measured>> MEASURED =
      FileVisit.Memo.of(IdentityHashMap::new);

  private final FunctionSyntax def;
  private final FileVisit file;
  // Worked out on first use, then fixed.
  private TextRange nameRange;
  private int[] lines;

  private Measured(FunctionSyntax def, FileVisit file) {
    this.def = def;
    this.file = file;
  }

  /**
   * The def {@code node}, measured once for every {@code CPX} rule: made the first time a rule is
   * shown the def, found again by the later ones.
   */
  static Measured of(Node node, FileVisit file) {
    Map<Node, Measured> measured = file.memo(MEASURED);
    Measured m = measured.get(node);
    if (m == null) {
      m = new Measured(file.function(node).orElseThrow(), file);
      measured.put(node, m);
    }
    return m;
  }

  FunctionSyntax syntax() {
    return def;
  }

  /** The qualified name, as {@code keel metrics} prints it. */
  String name() {
    return def.qualifiedName();
  }

  /** Where {@code def NAME} is: what findings about the whole function point at. */
  TextRange nameRange() {
    if (nameRange == null) {
      nameRange = Callables.nameRange(def, file.text());
    }
    return nameRange;
  }

  /** Lines from {@code def NAME} to the last line of the body. */
  int length() {
    if (lines == null) {
      lines = Callables.lines(def, nameRange(), file.lines());
    }
    return lines[1] - lines[0] + 1;
  }

  int parameters() {
    return Callables.parameterCount(def);
  }
}
