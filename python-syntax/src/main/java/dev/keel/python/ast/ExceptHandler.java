package dev.keel.python.ast;

import java.util.List;

/**
 * CPython's {@code ExceptHandler}: {@code except type as name: body}; type and name may be null.
 */
public record ExceptHandler(TextRange range, Expr type, String name, List<Stmt> body)
    implements Node {
  public ExceptHandler {
    body = List.copyOf(body);
  }
}
