package dev.keel.metrics;

import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.MatchCase;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import java.util.List;
import java.util.Set;

/**
 * How deep a function nests blocks: each {@code if}, {@code for}, {@code while}, {@code with},
 * {@code try} and {@code match} opens one level inside the one that holds it. An {@code elif} stays
 * at the level of its {@code if}, and {@code else}, {@code except}, {@code finally} and {@code
 * case} bodies at the level of their statement. Nested functions and classes are measured on their
 * own.
 */
public final class Nesting {
  private final String text;
  private int max;
  private Stmt deepest;

  private Nesting(String text) {
    this.text = text;
  }

  /** The deepest level in {@code body} and the first block that reaches it ({@code null} if 0). */
  public record Result(int depth, Stmt deepest) {}

  public static Result of(List<Stmt> body, String text) {
    Nesting n = new Nesting(text);
    n.block(body, 0);
    return new Result(n.max, n.deepest);
  }

  private void block(List<Stmt> stmts, int depth) {
    for (Stmt s : stmts) {
      stmt(s, depth);
    }
  }

  private void opens(Stmt s, int level) {
    if (level > max) {
      max = level;
      deepest = s;
    }
  }

  private void stmt(Stmt s, int depth) {
    int inner = depth + 1;
    switch (s) {
      case Stmt.If i -> {
        opens(i, inner);
        block(i.body(), inner);
        if (i.orelse().size() == 1
            && i.orelse().get(0) instanceof Stmt.If elif
            && text.startsWith("elif", elif.range().start())) {
          stmt(elif, depth);
        } else {
          block(i.orelse(), inner);
        }
      }
      case Stmt.For f -> {
        opens(f, inner);
        block(f.body(), inner);
        block(f.orelse(), inner);
      }
      case Stmt.AsyncFor f -> {
        opens(f, inner);
        block(f.body(), inner);
        block(f.orelse(), inner);
      }
      case Stmt.While w -> {
        opens(w, inner);
        block(w.body(), inner);
        block(w.orelse(), inner);
      }
      case Stmt.With w -> {
        opens(w, inner);
        block(w.body(), inner);
      }
      case Stmt.AsyncWith w -> {
        opens(w, inner);
        block(w.body(), inner);
      }
      case Stmt.Try t -> tryBlock(t, t.body(), t.handlers(), t.orelse(), t.finalbody(), inner);
      case Stmt.TryStar t -> tryBlock(t, t.body(), t.handlers(), t.orelse(), t.finalbody(), inner);
      case Stmt.Match m -> {
        opens(m, inner);
        for (MatchCase c : m.cases()) {
          block(c.body(), inner);
        }
      }
      default -> {}
    }
  }

  private void tryBlock(
      Stmt t,
      List<Stmt> body,
      List<ExceptHandler> handlers,
      List<Stmt> orelse,
      List<Stmt> finalbody,
      int inner) {
    opens(t, inner);
    block(body, inner);
    for (ExceptHandler h : handlers) {
      block(h.body(), inner);
    }
    block(orelse, inner);
    block(finalbody, inner);
  }

  /** The statements that open a level ({@code elif} aside: it stays at its {@code if}'s). */
  public static final Set<Class<? extends Node>> BLOCKS =
      Set.of(
          Stmt.If.class,
          Stmt.For.class,
          Stmt.AsyncFor.class,
          Stmt.While.class,
          Stmt.With.class,
          Stmt.AsyncWith.class,
          Stmt.Try.class,
          Stmt.TryStar.class,
          Stmt.Match.class);

  /**
   * Where a block sits: in {@code def}, at {@code level} as {@link #of} counts it (the blocks on
   * the path from the def down to it, {@code elif}s not counted).
   */
  public record Place(Node def, int level) {}

  /**
   * For a walk that visits every block once, parents first: the def whose nesting block statement
   * {@code block} counts for, given its enclosing nodes (outermost first), and the level it sits at
   * there; {@code null} at module level or in a class.
   */
  public static Place countsFor(Stmt block, List<Node> ancestors, String text) {
    int depth = isElif(block, ancestors, ancestors.size(), text) ? 0 : 1;
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Node a = ancestors.get(i);
      switch (a) {
        case Stmt.FunctionDef f -> {
          return new Place(a, depth);
        }
        case Stmt.AsyncFunctionDef f -> {
          return new Place(a, depth);
        }
        case Stmt.ClassDef c -> {
          return null;
        }
        default -> {
          if (a instanceof Stmt s
              && BLOCKS.contains(s.getClass())
              && !isElif(s, ancestors, i, text)) {
            depth++;
          }
        }
      }
    }
    return null;
  }

  /**
   * Whether {@code s}, whose parent is {@code ancestors[at - 1]}, is the {@code elif} of that
   * {@code if}: its whole {@code else}, spelled {@code elif}.
   */
  private static boolean isElif(Stmt s, List<Node> ancestors, int at, String text) {
    return s instanceof Stmt.If
        && at > 0
        && ancestors.get(at - 1) instanceof Stmt.If parent
        && parent.orelse().size() == 1
        && parent.orelse().get(0) == s
        && text.startsWith("elif", s.range().start());
  }
}
