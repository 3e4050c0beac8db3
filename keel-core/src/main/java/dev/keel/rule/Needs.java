package dev.keel.rule;

/**
 * What a rule reads, so a run builds no more than its selected rules need: a run of only {@code
 * SYN} rules never builds semantic models, a run of only {@code PRJ} rules never parses.
 */
public enum Needs {
  /** Project files and configuration only: nothing is parsed. */
  FILES,
  /** The syntax tree and its errors. */
  SYNTAX,
  /** Scopes, bindings and resolved names ({@code FileVisit.semantic()}) or module summaries. */
  SEMANTICS
}
