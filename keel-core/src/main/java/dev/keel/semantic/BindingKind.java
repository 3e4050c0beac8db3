package dev.keel.semantic;

/** How a name got bound. Decides which rules care about the binding. */
public enum BindingKind {
  /** A name of the {@code builtins} module, or one every module has ({@code __file__}). */
  BUILTIN,
  /** {@code import a} or {@code import a.b as c}. */
  IMPORT,
  /** {@code import a.b} without {@code as}: binds {@code a}. */
  SUBMODULE_IMPORT,
  /** {@code from a import b}. */
  FROM_IMPORT,
  /** {@code from a import *}. */
  STAR_IMPORT,
  /** {@code from __future__ import x}: always counts as used. */
  FUTURE_IMPORT,
  /** A parameter of a function or lambda. */
  ARGUMENT,
  /**
   * A plain assignment ({@code x = …}, {@code with … as x}, a match capture, {@code except … as
   * x}).
   */
  ASSIGNMENT,
  /** {@code (x := …)}. */
  NAMED_EXPR,
  /** {@code x: int} without a value: declares, binds nothing at run time. */
  ANNOTATION,
  /** A loop target, or a name unpacked from a non-literal tuple ({@code a, b = f()}). */
  UNPACKING,
  /** {@code __all__ = [...]} at module level. */
  EXPORT,
  /** {@code def}. */
  FUNCTION,
  /** {@code class}. */
  CLASS,
  /** {@code global x} or {@code nonlocal x}. */
  DECLARATION,
  /** A PEP 695 type parameter. */
  TYPE_PARAM,
  /** The name of a {@code type X = …} statement. */
  TYPE_ALIAS;

  /** Any kind of import statement. */
  public boolean isImport() {
    return this == IMPORT
        || this == SUBMODULE_IMPORT
        || this == FROM_IMPORT
        || this == STAR_IMPORT
        || this == FUTURE_IMPORT;
  }

  /** Functions, classes, imports and builtins: what pyflakes calls a definition. */
  boolean isDefinition() {
    return isImport() || this == FUNCTION || this == CLASS || this == BUILTIN;
  }

  /** The kinds NAM003 checks for being unused. */
  boolean isAssignment() {
    return this == ASSIGNMENT || this == NAMED_EXPR || this == DECLARATION;
  }
}
