package dev.keel.python.ast;

import java.math.BigInteger;
import java.util.Arrays;

/** The value of a {@link Expr.Constant} or {@link Pattern.MatchSingleton}, as Python sees it. */
public sealed interface ConstantValue {
  /** {@code None}. */
  NoneValue NONE = new NoneValue();

  /** {@code True}. */
  Bool TRUE = new Bool(true);

  /** {@code False}. */
  Bool FALSE = new Bool(false);

  /** {@code ...}. */
  EllipsisValue ELLIPSIS = new EllipsisValue();

  /** Python's {@code None}. */
  record NoneValue() implements ConstantValue {}

  /** Python's {@code True} or {@code False}. */
  record Bool(boolean value) implements ConstantValue {}

  /** Python's {@code Ellipsis}. */
  record EllipsisValue() implements ConstantValue {}

  /** A Python {@code int} of any size. */
  record Int(BigInteger value) implements ConstantValue {}

  /** A Python {@code float}. */
  record Float(double value) implements ConstantValue {}

  /** An imaginary literal such as {@code 2j}: real part 0. */
  record Complex(double imag) implements ConstantValue {}

  /** A Python {@code str}; may hold lone surrogates, as Python strings may. */
  record Str(String value) implements ConstantValue {}

  /** A Python {@code bytes}. */
  record Bytes(byte[] value) implements ConstantValue {
    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Bytes" + Arrays.toString(value);
    }
  }
}
