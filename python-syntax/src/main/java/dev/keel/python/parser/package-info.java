/**
 * The recursive-descent parser that turns a token stream into the syntax tree CPython's {@code
 * ast.parse} builds, with CPython's error messages and limits: {@link
 * dev.keel.python.parser.Parser} is the one public type. Uses {@code dev.keel.python.source},
 * {@code dev.keel.python.token} and {@code dev.keel.python.ast}; only the {@code dev.keel.python}
 * entry points use it.
 */
package dev.keel.python.parser;
