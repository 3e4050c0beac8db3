package dev.keel.python.ast;

/** CPython's {@code arg}: one parameter; {@code annotation} may be null. */
public record Arg(TextRange range, String arg, Expr annotation) implements Node {}
