package dev.keel.python.ast;

/** CPython's {@code boolop}. */
public enum BoolOperator {
  And,
  Or
}
