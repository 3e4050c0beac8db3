package dev.keel.metrics;

import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.MatchCase;
import dev.keel.python.ast.Stmt;
import java.util.List;

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
}
