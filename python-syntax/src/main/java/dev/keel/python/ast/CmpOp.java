package dev.keel.python.ast;

/** CPython's {@code cmpop}. */
public enum CmpOp {
  Eq,
  NotEq,
  Lt,
  LtE,
  Gt,
  GtE,
  Is,
  IsNot,
  In,
  NotIn
}
