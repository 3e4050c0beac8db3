/**
 * Plain values about decoded Python source that every other package of this module may use: {@link
 * dev.keel.python.source.LineIndex} (offsets to lines and columns), {@link
 * dev.keel.python.source.SyntaxError} (a reason the source is not valid Python, at an offset),
 * {@link dev.keel.python.source.Comment} (where a {@code #} comment lies) and {@link
 * dev.keel.python.source.PythonUnicode} (the Unicode tables of CPython 3.13: character names and
 * printability). Uses nothing outside the JDK; it is the bottom of the module's line {@code source
 * ← token ← parser ← dev.keel.python}, with {@code ast} beside it.
 */
package dev.keel.python.source;
