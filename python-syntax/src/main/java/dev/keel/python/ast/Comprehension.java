package dev.keel.python.ast;

import java.util.List;

/** CPython's {@code comprehension}: {@code [async] for target in iter if ifs}. */
public record Comprehension(
    TextRange range, Expr target, Expr iter, List<Expr> ifs, boolean isAsync) implements Node {
  public Comprehension {
    ifs = List.copyOf(ifs);
  }
}
