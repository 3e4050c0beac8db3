package dev.keel.python.ast;

/**
 * A half-open range of offsets into the decoded source text.
 *
 * @param start offset of the first character
 * @param end offset one past the last character
 */
public record TextRange(int start, int end) {
  /** The range from the start of {@code a} to the end of {@code b}. */
  public static TextRange span(TextRange a, TextRange b) {
    return new TextRange(a.start, b.end);
  }

  /** The range from the start of {@code a} to the end of {@code b}. */
  public static TextRange span(Node a, Node b) {
    return new TextRange(a.range().start, b.range().end);
  }
}
