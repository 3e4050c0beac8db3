package dev.keel.python.ast;

/** CPython's {@code alias}: {@code name as asname} in an import; {@code asname} may be null. */
public record Alias(TextRange range, String name, String asname) implements Node {}
