package dev.keel.python.source;

/**
 * A reason the source is not valid Python, in CPython's words where practical.
 *
 * @param message what CPython's {@code SyntaxError} would say, e.g. {@code invalid syntax}
 * @param kind {@code SyntaxError}, {@code IndentationError} or {@code TabError}; {@code
 *     MemoryError} where CPython's parser runs out of stack and {@code RecursionError} where the
 *     tree is too deep for CPython to build (both at the start of the statement, where CPython
 *     gives no position)
 * @param start offset of the first offending character in the decoded text
 * @param end offset one past the last offending character ({@code >= start})
 */
public record SyntaxError(String kind, String message, int start, int end) {
  public SyntaxError {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range " + start + ".." + end);
    }
  }

  public static SyntaxError at(String message, int start, int end) {
    return new SyntaxError("SyntaxError", message, start, end);
  }
}
