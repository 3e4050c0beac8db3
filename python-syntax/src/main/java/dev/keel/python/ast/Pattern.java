package dev.keel.python.ast;

import java.util.List;

/** CPython's {@code pattern}, in {@code case} clauses. Optional fields are null when absent. */
public sealed interface Pattern extends Node {
  /** A value pattern: a literal or dotted name. */
  record MatchValue(TextRange range, Expr value) implements Pattern {}

  /** {@code None}, {@code True} or {@code False}. */
  record MatchSingleton(TextRange range, ConstantValue value) implements Pattern {}

  /** {@code [p, q]} or {@code (p, q)}. */
  record MatchSequence(TextRange range, List<Pattern> patterns) implements Pattern {
    public MatchSequence {
      patterns = List.copyOf(patterns);
    }
  }

  /** {@code {k: p, **rest}}; {@code rest} may be null. */
  record MatchMapping(TextRange range, List<Expr> keys, List<Pattern> patterns, String rest)
      implements Pattern {
    public MatchMapping {
      keys = List.copyOf(keys);
      patterns = List.copyOf(patterns);
    }
  }

  /** {@code Cls(p, kw=q)}. */
  record MatchClass(
      TextRange range,
      Expr cls,
      List<Pattern> patterns,
      List<String> kwdAttrs,
      List<Pattern> kwdPatterns)
      implements Pattern {
    public MatchClass {
      patterns = List.copyOf(patterns);
      kwdAttrs = List.copyOf(kwdAttrs);
      kwdPatterns = List.copyOf(kwdPatterns);
    }
  }

  /** {@code *name} in a sequence pattern; {@code name} is null for {@code *_}. */
  record MatchStar(TextRange range, String name) implements Pattern {}

  /**
   * {@code p as name}, a capture {@code name} (pattern null) or the wildcard {@code _} (both null).
   */
  record MatchAs(TextRange range, Pattern pattern, String name) implements Pattern {}

  /** {@code p | q}. */
  record MatchOr(TextRange range, List<Pattern> patterns) implements Pattern {
    public MatchOr {
      patterns = List.copyOf(patterns);
    }
  }
}
