package dev.keel.rules.security;

import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Keyword;

/** What a rule asks of a call's arguments: a keyword's value, a positional, a literal. */
final class Calls {
  private Calls() {}

  /** The value of keyword {@code name}, or null. */
  static Expr keyword(Expr.Call call, String name) {
    for (int i = 0, size = call.keywords().size(); i < size; i++) {
      Keyword k = call.keywords().get(i);
      if (name.equals(k.arg())) {
        return k.value();
      }
    }
    return null;
  }

  /** Whether the call passes {@code **kwargs}, which may hold any keyword. */
  static boolean hasDoubleStar(Expr.Call call) {
    for (Keyword k : call.keywords()) {
      if (k.arg() == null) {
        return true;
      }
    }
    return false;
  }

  /** Positional argument {@code index}, else keyword {@code name}, else null. */
  static Expr argument(Expr.Call call, int index, String name) {
    if (index >= 0 && index < call.args().size()) {
      Expr a = call.args().get(index);
      return a instanceof Expr.Starred ? null : a;
    }
    return name == null ? null : keyword(call, name);
  }

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
      case Expr.ListExpr l -> l.elts().stream().allMatch(Calls::isLiteral);
      case Expr.Tuple t -> t.elts().stream().allMatch(Calls::isLiteral);
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

  static boolean isNone(Expr e) {
    return e instanceof Expr.Constant c && c.value() instanceof ConstantValue.NoneValue;
  }
}
