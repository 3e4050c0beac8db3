package dev.keel.semantic;

/** The kinds of scope Python has. */
public enum ScopeKind {
  MODULE,
  CLASS,
  FUNCTION,
  LAMBDA,
  /** A list, set or dict comprehension or a generator expression. */
  COMPREHENSION,
  /** The PEP 695 scope holding the type parameters of a generic def, class or type alias. */
  TYPE_PARAMS
}
