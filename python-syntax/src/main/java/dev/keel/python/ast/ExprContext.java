package dev.keel.python.ast;

/** CPython's {@code expr_context}. */
public enum ExprContext {
  Load,
  Store,
  Del
}
