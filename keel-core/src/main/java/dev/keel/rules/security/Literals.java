package dev.keel.rules.security;

import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;

/**
 * What a security rule asks of a value written in the source (the argument helpers are on {@code
 * Expr.Call}).
 */
final class Literals {
  private Literals() {}

  /** A string or bytes written in full in the source (also implicit or {@code +} joins). */
  static boolean isLiteralText(Expr e) {
    return switch (e) {
      case Expr.Constant c ->
          c.value() instanceof ConstantValue.Str || c.value() instanceof ConstantValue.Bytes;
      case Expr.BinOp b ->
          b.op() == dev.keel.python.ast.Operator.Add
              && isLiteralText(b.left())
              && isLiteralText(b.right());
      case Expr.JoinedStr j -> j.values().stream().allMatch(v -> v instanceof Expr.Constant);
      default -> false;
    };
  }

  /** A value fixed in the source: a literal, or a list/tuple of literals. */
  static boolean isLiteral(Expr e) {
    return switch (e) {
      case Expr.Constant c -> true;
      case Expr.ListExpr l -> l.elts().stream().allMatch(Literals::isLiteral);
      case Expr.Tuple t -> t.elts().stream().allMatch(Literals::isLiteral);
      default -> isLiteralText(e);
    };
  }

  static String stringValue(Expr e) {
    return e instanceof Expr.Constant c && c.value() instanceof ConstantValue.Str s
        ? s.value()
        : null;
  }

  static boolean isTrue(Expr e) {
    return e instanceof Expr.Constant c && c.value() instanceof ConstantValue.Bool b && b.value();
  }

  static boolean isFalse(Expr e) {
    return e instanceof Expr.Constant c
        && (c.value() instanceof ConstantValue.Bool b && !b.value()
            || c.value() instanceof ConstantValue.Int i && i.value().signum() == 0);
  }
}
