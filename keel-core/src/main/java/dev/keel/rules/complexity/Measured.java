package dev.keel.rules.complexity;

import dev.keel.metrics.Callables;
import dev.keel.metrics.FunctionSyntax;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.rule.FileVisit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The def being visited, measured on demand: the {@code CPX} rules visit it one after another and
 * share one instance, and each measure is computed only when a rule asks for it.
 */
final class Measured {
  static final Set<Class<? extends Node>> DEFS =
      Set.of(Stmt.FunctionDef.class, Stmt.AsyncFunctionDef.class);

  private static final Object KEY = new Object();

  /** The defs of a file in the order the walk met them, and by node. */
  private static final class Defs {
    final List<Measured> inOrder = new ArrayList<>();
    final Map<Node, Measured> byNode = new IdentityHashMap<>();
  }

  private final FunctionSyntax def;
  private final FileVisit file;
  private TextRange nameRange;
  private int[] lines;

  /**
   * Radon's complexity so far: the walk feeds every weighed node to the def it counts for (CPX001),
   * so no def is walked twice.
   */
  int complexity = 1;

  /** The deepest nesting so far and the first block that reached it (CPX004). */
  int depth;

  Stmt deepest;

  private Measured(FunctionSyntax def, FileVisit file) {
    this.def = def;
    this.file = file;
  }

  /**
   * The def {@code node}, measured once for every {@code CPX} rule: made the first time a rule is
   * shown the def, found again by the later ones and by {@link #owner}.
   */
  static Measured of(Node node, FileVisit file) {
    Defs defs = file.state(KEY, Defs::new);
    Measured m = defs.byNode.get(node);
    if (m == null) {
      m = new Measured(file.function(node).orElseThrow(), file);
      defs.inOrder.add(m);
      defs.byNode.put(node, m);
    }
    return m;
  }

  /** The def a node counts for ({@code null}: none), met by the walk before the node. */
  static Measured owner(Node def, FileVisit file) {
    return def == null ? null : file.state(KEY, Defs::new).byNode.get(def);
  }

  /** Every def of the file, in the order the walk met them. */
  static List<Measured> all(FileVisit file) {
    return file.state(KEY, Defs::new).inOrder;
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
