/**
 * Tokens of Python source: {@link dev.keel.python.token.Tokenizer} turns decoded text into the
 * stream CPython's C tokenizer produces (3.12 and later, with f-strings and t-strings split into
 * their parts), keeping comments aside and reporting errors in CPython's words. Uses only {@code
 * dev.keel.python.source}; the parser and the {@code dev.keel.python} entry points use it.
 */
package dev.keel.python.token;
