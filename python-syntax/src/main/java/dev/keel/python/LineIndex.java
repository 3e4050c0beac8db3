package dev.keel.python;

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
    int bytes = 0;
    for (int i = start; i < offset; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < offset) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** 0-based column in code points (what Python calls characters). */
  public int column(int offset) {
    int start = lineStarts[line(offset) - 1];
    return text.codePointCount(start, offset);
  }
}
