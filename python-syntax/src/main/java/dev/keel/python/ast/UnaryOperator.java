package dev.keel.python.ast;

/** CPython's {@code unaryop}. */
public enum UnaryOperator {
  Invert,
  Not,
  UAdd,
  USub
}
