package dev.keel.python.ast;

/** CPython's {@code type_param} (PEP 695, with PEP 696 defaults). Null when absent. */
public sealed interface TypeParam extends Node {
  /** {@code T: bound = default}. */
  record TypeVar(TextRange range, String name, Expr bound, Expr defaultValue)
      implements TypeParam {}

  /** {@code **P = default}. */
  record ParamSpec(TextRange range, String name, Expr defaultValue) implements TypeParam {}

  /** {@code *Ts = default}. */
  record TypeVarTuple(TextRange range, String name, Expr defaultValue) implements TypeParam {}
}
