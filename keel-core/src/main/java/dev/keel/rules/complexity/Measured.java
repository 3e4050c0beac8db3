package dev.keel.rules.complexity;

import dev.keel.metrics.Callables;
import dev.keel.metrics.FunctionSyntax;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.rule.FileVisit;
import java.util.Set;

/**
 * The def being visited, measured on demand: the {@code CPX} rules visit it one after another and
 * share one instance, and each measure is computed only when a rule asks for it.
 */
final class Measured {
  static final Set<Class<? extends Node>> DEFS =
      Set.of(Stmt.FunctionDef.class, Stmt.AsyncFunctionDef.class);

  private static final Object KEY = new Object();

  private final FunctionSyntax def;
  private final FileVisit file;
  private TextRange nameRange;
  private int[] lines;

  private Measured(FunctionSyntax def, FileVisit file) {
    this.def = def;
    this.file = file;
  }

  /** The def {@code node} (visited now), or {@code null} when the node is not a def. */
  static Measured of(Node node, FileVisit file) {
    Measured[] last = file.state(KEY, () -> new Measured[1]);
    if (last[0] == null || last[0].def.node() != node) {
      last[0] = FunctionSyntax.visiting(node, file).map(d -> new Measured(d, file)).orElse(null);
    }
    return last[0];
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
