/**
 * Python source as Keel sees it: decoding, tokens, syntax tree and parser for Python 3.8 to 3.14.
 *
 * <p>{@link dev.keel.python.PythonParser} is the entry point. Offsets everywhere in this module are
 * indices into the decoded text (Java {@code char} indices); {@link dev.keel.python.LineIndex}
 * turns them into lines and columns. This module has no runtime dependencies and must not depend on
 * the rest of Keel.
 */
package dev.keel.python;
