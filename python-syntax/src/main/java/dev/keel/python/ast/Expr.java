package dev.keel.python.ast;

import java.util.List;

/**
 * CPython's {@code expr}. Records are named as CPython's node classes, except {@code List} and
 * {@code Set}, which are {@link ListExpr} and {@link SetExpr} here so they do not clash with {@code
 * java.util}. Optional fields are {@code null} when absent.
 */
public sealed interface Expr extends Node {

  /** Whether this is the literal {@code None}. */
  default boolean isNone() {
    return this instanceof Constant c && c.value() instanceof ConstantValue.NoneValue;
  }

  /** {@code a and b and c}. */
  record BoolOp(TextRange range, BoolOperator op, List<Expr> values) implements Expr {
    public BoolOp {
      values = List.copyOf(values);
    }
  }

  /** {@code target := value}. */
  record NamedExpr(TextRange range, Expr target, Expr value) implements Expr {}

  /** {@code left op right}. */
  record BinOp(TextRange range, Expr left, Operator op, Expr right) implements Expr {}

  /** {@code op operand}. */
  record UnaryOp(TextRange range, UnaryOperator op, Expr operand) implements Expr {}

  /** {@code lambda args: body}. */
  record Lambda(TextRange range, Arguments args, Expr body) implements Expr {}

  /** {@code body if test else orelse}. */
  record IfExp(TextRange range, Expr test, Expr body, Expr orelse) implements Expr {}

  /** {@code {k: v, **d}}: a null key stands for {@code **value}. */
  record Dict(TextRange range, List<Expr> keys, List<Expr> values) implements Expr {
    public Dict {
      keys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(keys));
      values = List.copyOf(values);
    }
  }

  /** CPython's {@code Set}: {@code {a, b}}. */
  record SetExpr(TextRange range, List<Expr> elts) implements Expr {
    public SetExpr {
      elts = List.copyOf(elts);
    }
  }

  /** {@code [elt for ...]}. */
  record ListComp(TextRange range, Expr elt, List<Comprehension> generators) implements Expr {
    public ListComp {
      generators = List.copyOf(generators);
    }
  }

  /** {@code {elt for ...}}. */
  record SetComp(TextRange range, Expr elt, List<Comprehension> generators) implements Expr {
    public SetComp {
      generators = List.copyOf(generators);
    }
  }

  /** {@code {key: value for ...}}. */
  record DictComp(TextRange range, Expr key, Expr value, List<Comprehension> generators)
      implements Expr {
    public DictComp {
      generators = List.copyOf(generators);
    }
  }

  /** {@code (elt for ...)}. */
  record GeneratorExp(TextRange range, Expr elt, List<Comprehension> generators) implements Expr {
    public GeneratorExp {
      generators = List.copyOf(generators);
    }
  }

  /** {@code await value}. */
  record Await(TextRange range, Expr value) implements Expr {}

  /** {@code yield value}; {@code value} may be null. */
  record Yield(TextRange range, Expr value) implements Expr {}

  /** {@code yield from value}. */
  record YieldFrom(TextRange range, Expr value) implements Expr {}

  /** {@code left op1 c1 op2 c2}. */
  record Compare(TextRange range, Expr left, List<CmpOp> ops, List<Expr> comparators)
      implements Expr {
    public Compare {
      ops = List.copyOf(ops);
      comparators = List.copyOf(comparators);
    }
  }

  /** {@code func(args, keywords)}. */
  /**
   * {@code func(args, keywords)}, with the questions rules ask of its arguments (Ruff's {@code
   * Arguments::find_keyword}): they answer from the source as written, so a {@code *args} or {@code
   * **kwargs} that may hold the argument is for the caller to check ({@link #hasStarArgs}, {@link
   * #hasDoubleStar}).
   */
  record Call(TextRange range, Expr func, List<Expr> args, List<Keyword> keywords) implements Expr {
    public Call {
      args = List.copyOf(args);
      keywords = List.copyOf(keywords);
    }

    /** The value passed as keyword {@code name} ({@code timeout=…}), or null. */
    public Expr keyword(String name) {
      for (int i = 0, size = keywords.size(); i < size; i++) {
        Keyword k = keywords.get(i);
        if (name.equals(k.arg())) {
          return k.value();
        }
      }
      return null;
    }

    /**
     * The argument of parameter {@code name} at {@code position}: the positional argument there
     * (null when it is a {@code *args}, which may or may not reach it), else keyword {@code name}
     * (none when {@code name} is null), else null.
     */
    public Expr argument(int position, String name) {
      if (position >= 0 && position < args.size()) {
        Expr a = args.get(position);
        return a instanceof Starred ? null : a;
      }
      return name == null ? null : keyword(name);
    }

    /** Whether the call passes {@code **kwargs}, which may hold any keyword. */
    public boolean hasDoubleStar() {
      for (int i = 0, size = keywords.size(); i < size; i++) {
        if (keywords.get(i).arg() == null) {
          return true;
        }
      }
      return false;
    }

    /** Whether the call passes {@code *args}, which may fill any position. */
    public boolean hasStarArgs() {
      for (int i = 0, size = args.size(); i < size; i++) {
        if (args.get(i) instanceof Starred) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * One {@code {value!c:spec}} of an f-string; {@code conversion} is -1 or the code point of {@code
   * s}, {@code r} or {@code a}; {@code formatSpec} (a {@link JoinedStr}) may be null.
   */
  record FormattedValue(TextRange range, Expr value, int conversion, Expr formatSpec)
      implements Expr {}

  /**
   * One {@code {value!c:spec}} of a t-string (Python 3.14); {@code str} is the source text of the
   * expression.
   */
  record Interpolation(TextRange range, Expr value, String str, int conversion, Expr formatSpec)
      implements Expr {}

  /** An f-string: Constant and FormattedValue parts. */
  record JoinedStr(TextRange range, List<Expr> values) implements Expr {
    public JoinedStr {
      values = List.copyOf(values);
    }
  }

  /** A t-string (Python 3.14): Constant and Interpolation parts. */
  record TemplateStr(TextRange range, List<Expr> values) implements Expr {
    public TemplateStr {
      values = List.copyOf(values);
    }
  }

  /** A literal; {@code kind} is {@code "u"} for a {@code u"..."} string, else null. */
  record Constant(TextRange range, ConstantValue value, String kind) implements Expr {}

  /** {@code value.attr}. */
  record Attribute(TextRange range, Expr value, String attr, ExprContext ctx) implements Expr {}

  /** {@code value[slice]}. */
  record Subscript(TextRange range, Expr value, Expr slice, ExprContext ctx) implements Expr {}

  /** {@code *value}. */
  record Starred(TextRange range, Expr value, ExprContext ctx) implements Expr {}

  /** An identifier. */
  record Name(TextRange range, String id, ExprContext ctx) implements Expr {}

  /** CPython's {@code List}: {@code [a, b]}. */
  record ListExpr(TextRange range, List<Expr> elts, ExprContext ctx) implements Expr {
    public ListExpr {
      elts = List.copyOf(elts);
    }
  }

  /** {@code (a, b)} or {@code a, b}. */
  record Tuple(TextRange range, List<Expr> elts, ExprContext ctx) implements Expr {
    public Tuple {
      elts = List.copyOf(elts);
    }
  }

  /** {@code lower:upper:step} inside a subscript; every part may be null. */
  record Slice(TextRange range, Expr lower, Expr upper, Expr step) implements Expr {}
}
