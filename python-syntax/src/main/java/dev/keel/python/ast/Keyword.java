package dev.keel.python.ast;

/** CPython's {@code keyword}: {@code arg=value} in a call, or {@code **value} (arg null). */
public record Keyword(TextRange range, String arg, Expr value) implements Node {}
