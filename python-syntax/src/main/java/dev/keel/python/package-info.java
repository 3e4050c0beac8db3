/**
 * Python source as Keel sees it, for Python 3.8 to 3.14: the entry points on top of this module.
 *
 * <p>{@link dev.keel.python.PythonParser} parses text into a {@link dev.keel.python.ParseResult};
 * {@link dev.keel.python.SourceDecoder} turns a file's bytes into text (PEP 263 cookies, BOM) and
 * {@link dev.keel.python.AstDump} prints a tree the way CPython's {@code ast.dump} does. They use
 * the packages below them, which never use this one: {@code dev.keel.python.parser} (the parser),
 * {@code dev.keel.python.token} (the tokenizer), {@code dev.keel.python.ast} (the tree) and {@code
 * dev.keel.python.source} (line index, syntax errors, comments, Unicode tables).
 *
 * <p>Offsets everywhere in this module are indices into the decoded text (Java {@code char}
 * indices); {@link dev.keel.python.source.LineIndex} turns them into lines and columns. This module
 * has no runtime dependencies and must not depend on the rest of Keel.
 */
package dev.keel.python;
