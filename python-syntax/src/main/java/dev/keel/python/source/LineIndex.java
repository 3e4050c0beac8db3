package dev.keel.python.source;

import java.util.Arrays;

/**
 * Turns offsets into the decoded text into 1-based lines and 0-based columns. Line breaks are
 * {@code \n}, {@code \r\n} and {@code \r}, as in Python.
 */
public final class LineIndex {
  private final String text;
  private final int[] lineStarts;

  public LineIndex(String text) {
    this.text = text;
    int[] starts = new int[64];
    int n = 0;
    starts[n++] = 0;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
    indexNonAscii();
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** 1-based line holding {@code offset}; an offset at the end of the text is on the last line. */
  public int line(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** Offset of the first character of 1-based {@code line}. */
  public int lineStart(int line) {
    return lineStarts[line - 1];
  }

  /** Offset one past the last character of 1-based {@code line}, before its line break. */
  public int lineEnd(int line) {
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > lineStarts[line - 1]
        && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  /** 0-based column in UTF-8 bytes, as CPython's {@code col_offset}. */
  public int utf8Column(int offset) {
    int start = lineStarts[line(offset) - 1];
    if (checkpointBytes == null) {
      return offset - start;
    }
    return utf8Before(offset) - utf8Before(start);
  }

  /** 0-based column in code points (what Python calls characters). */
  public int column(int offset) {
    int start = lineStarts[line(offset) - 1];
    if (checkpointBytes == null) {
      return offset - start;
    }
    return codePointsBefore(offset) - codePointsBefore(start);
  }

  // Columns in a text with non-ASCII characters: the UTF-8 bytes and code points before every
  // CHECKPOINT-th offset, so that a column costs at most CHECKPOINT steps, however long the line.
  private static final int CHECKPOINT_SHIFT = 6;
  private int[] checkpointBytes;
  private int[] checkpointCodePoints;

  private void indexNonAscii() {
    int len = text.length();
    int ascii = 0;
    while (ascii < len && text.charAt(ascii) < 0x80) {
      ascii++;
    }
    if (ascii == len) {
      return;
    }
    int[] bytes = new int[(len >> CHECKPOINT_SHIFT) + 1];
    int[] points = new int[bytes.length];
    int b = 0;
    int cp = 0;
    for (int i = 0; i < len; i++) {
      if ((i & ((1 << CHECKPOINT_SHIFT) - 1)) == 0) {
        bytes[i >> CHECKPOINT_SHIFT] = b;
        points[i >> CHECKPOINT_SHIFT] = cp;
      }
      b += utf8Length(i);
      cp += startsCodePoint(i) ? 1 : 0;
    }
    bytes[len >> CHECKPOINT_SHIFT] =
        (len & ((1 << CHECKPOINT_SHIFT) - 1)) == 0 ? b : bytes[len >> CHECKPOINT_SHIFT];
    points[len >> CHECKPOINT_SHIFT] =
        (len & ((1 << CHECKPOINT_SHIFT) - 1)) == 0 ? cp : points[len >> CHECKPOINT_SHIFT];
    checkpointBytes = bytes;
    checkpointCodePoints = points;
  }

  /**
   * UTF-8 bytes of the char at {@code i}: a surrogate pair counts 4 at its high half, 0 at its low.
   */
  private int utf8Length(int i) {
    char c = text.charAt(i);
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800) {
      return 2;
    }
    if (Character.isHighSurrogate(c)
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1))) {
      return 4;
    }
    return startsCodePoint(i) ? 3 : 0;
  }

  /** False only for the low half of a surrogate pair, as {@link String#codePointCount} counts. */
  private boolean startsCodePoint(int i) {
    return !(Character.isLowSurrogate(text.charAt(i))
        && i > 0
        && Character.isHighSurrogate(text.charAt(i - 1)));
  }

  private int utf8Before(int offset) {
    int from = offset >> CHECKPOINT_SHIFT << CHECKPOINT_SHIFT;
    int b = checkpointBytes[offset >> CHECKPOINT_SHIFT];
    for (int i = from; i < offset; i++) {
      b += utf8Length(i);
    }
    return b;
  }

  private int codePointsBefore(int offset) {
    int from = offset >> CHECKPOINT_SHIFT << CHECKPOINT_SHIFT;
    int cp = checkpointCodePoints[offset >> CHECKPOINT_SHIFT];
    for (int i = from; i < offset; i++) {
      cp += startsCodePoint(i) ? 1 : 0;
    }
    return cp;
  }
}
