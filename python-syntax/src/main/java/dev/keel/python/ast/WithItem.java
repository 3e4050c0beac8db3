package dev.keel.python.ast;

/** CPython's {@code withitem}: {@code context_expr as optional_vars}; the latter may be null. */
public record WithItem(TextRange range, Expr contextExpr, Expr optionalVars) implements Node {}
