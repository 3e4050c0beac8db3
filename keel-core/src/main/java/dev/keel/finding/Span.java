package dev.keel.finding;

/**
 * A 1-based region of a file in lines and character columns; the end column is exclusive (one past
 * the last character), as SARIF and most editors expect.
 */
public record Span(int line, int column, int endLine, int endColumn) {
  public Span {
    if (line < 1 || column < 1 || endLine < line || (endLine == line && endColumn < column)) {
      throw new IllegalArgumentException(
          "bad span " + line + ":" + column + "-" + endLine + ":" + endColumn);
    }
  }

  /** A whole line from column 1 to {@code length + 1}. */
  public static Span wholeLine(int line, int length) {
    return new Span(line, 1, line, length + 1);
  }
}
