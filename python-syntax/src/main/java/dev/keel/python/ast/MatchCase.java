package dev.keel.python.ast;

import java.util.List;

/** CPython's {@code match_case}: {@code case pattern if guard: body}; guard may be null. */
public record MatchCase(TextRange range, Pattern pattern, Expr guard, List<Stmt> body)
    implements Node {
  public MatchCase {
    body = List.copyOf(body);
  }
}
