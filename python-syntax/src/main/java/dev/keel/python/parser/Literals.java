package dev.keel.python.parser;

import dev.keel.python.ast.ConstantValue;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** Decoding of number and string literal text into Python values. */
final class Literals {
  private Literals() {}

  /** A decoding problem; {@code offset} is relative to the decoded piece start. */
  static final class LiteralError extends RuntimeException {
    final String msg;

    LiteralError(String msg) {
      super(msg, null, false, false);
      this.msg = msg;
    }
  }

  /** The value of a NUMBER token's text. */
  /** The constants most files are full of, shared: a tree holds no copy of each 0 and 1. */
  private static final ConstantValue.Int[] SMALL_INTS = new ConstantValue.Int[256];

  static {
    for (int i = 0; i < SMALL_INTS.length; i++) {
      SMALL_INTS[i] = new ConstantValue.Int(BigInteger.valueOf(i));
    }
  }

  static ConstantValue number(String s) {
    int n = s.length();
    char last = s.charAt(n - 1);
    if (last == 'j' || last == 'J') {
      return new ConstantValue.Complex(parseDouble(s.substring(0, n - 1)));
    }
    if (n > 1 && s.charAt(0) == '0') {
      char c = s.charAt(1);
      int radix =
          switch (c) {
            case 'x', 'X' -> 16;
            case 'o', 'O' -> 8;
            case 'b', 'B' -> 2;
            default -> 0;
          };
      if (radix != 0) {
        return new ConstantValue.Int(new BigInteger(strip(s.substring(2)), radix));
      }
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        return new ConstantValue.Float(parseDouble(s));
      }
    }
    String digits = strip(s);
    if (digits.length() < 18) {
      long v = Long.parseLong(digits);
      if (v < SMALL_INTS.length) {
        return SMALL_INTS[(int) v];
      }
      return new ConstantValue.Int(BigInteger.valueOf(v));
    }
    return new ConstantValue.Int(new BigInteger(digits));
  }

  private static double parseDouble(String s) {
    return Double.parseDouble(strip(s));
  }

  private static String strip(String s) {
    return s.indexOf('_') < 0 ? s : s.replace("_", "");
  }

  /** Length of the prefix letters of a string token starting at {@code start}. */
  static int prefixLength(String text, int start) {
    int i = start;
    while (true) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        return i - start;
      }
      i++;
    }
  }

  /**
   * Appends the decoded text of {@code text[start,end)} to {@code out}; {@code raw} keeps
   * backslashes; newlines are normalised to {@code \n}.
   */
  static void decodeStr(String text, int start, int end, boolean raw, StringBuilder out) {
    decodeStr(text, start, end, raw, out, null);
  }

  /**
   * As {@link #decodeStr(String, int, int, boolean, StringBuilder)}, also marking in {@code lone}
   * (if not null) the indices of {@code out} that hold a surrogate written as an escape: Python
   * keeps those as code points of their own even when two of them form a pair.
   */
  static void decodeStr(
      String text, int start, int end, boolean raw, StringBuilder out, java.util.BitSet lone) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        out.append('\n');
        if (i + 1 < end && text.charAt(i + 1) == '\n') {
          i++;
        }
        continue;
      }
      if (c != '\\' || raw) {
        if (c == '\\' && i + 1 < end) {
          // raw: a backslash still escapes the next character for quoting, both are kept
          out.append(c);
          char d = text.charAt(i + 1);
          if (d == '\r') {
            out.append('\n');
            i++;
            if (i + 1 < end && text.charAt(i + 1) == '\n') {
              i++;
            }
          } else {
            out.append(d);
            i++;
          }
          continue;
        }
        out.append(c);
        continue;
      }
      if (i + 1 >= end) {
        out.append(c);
        break;
      }
      char d = text.charAt(++i);
      switch (d) {
        case '\n' -> {}
        case '\r' -> {
          if (i + 1 < end && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\\' -> out.append('\\');
        case '\'' -> out.append('\'');
        case '"' -> out.append('"');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = d - '0';
          int k = 1;
          while (k < 3 && i + 1 < end && isOct(text.charAt(i + 1))) {
            v = v * 8 + (text.charAt(++i) - '0');
            k++;
          }
          out.appendCodePoint(v);
        }
        case 'x' -> out.appendCodePoint(hex(text, i + 1, end, 2, "\\xXX"));
        case 'u' -> {
          char ch = (char) hex(text, i + 1, end, 4, "\\uXXXX");
          if (lone != null && Character.isSurrogate(ch)) {
            lone.set(out.length());
          }
          out.append(ch);
        }
        case 'U' -> {
          int cp = hex(text, i + 1, end, 8, "\\UXXXXXXXX");
          if (cp > 0x10FFFF) {
            throw new LiteralError(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9:"
                    + " illegal Unicode character");
          }
          if (lone != null && cp >= 0xD800 && cp <= 0xDFFF) {
            lone.set(out.length());
          }
          out.appendCodePoint(cp);
        }
        case 'N' -> {
          int close = i + 1 < end && text.charAt(i + 1) == '{' ? text.indexOf('}', i + 2) : -1;
          if (close < 0 || close >= end || close == i + 2) {
            throw new LiteralError(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1:"
                    + " malformed \\N character escape");
          }
          String name = text.substring(i + 2, close);
          int cp = dev.keel.python.source.PythonUnicode.lookup(name).orElse(-1);
          if (cp < 0) {
            throw new LiteralError(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-"
                    + (close - i + 1)
                    + ": unknown Unicode character name");
          }
          out.appendCodePoint(cp);
          i = close;
          continue;
        }
        default -> {
          out.append('\\');
          i--;
        }
      }
      if (d == 'x') {
        i += 2;
      } else if (d == 'u') {
        i += 4;
      } else if (d == 'U') {
        i += 8;
      }
    }
  }

  /**
   * For the text of implicitly concatenated plain string literals {@code src[start,end)}, the
   * indices of the decoded value that are escaped surrogates; null if the text is not only plain
   * (non-bytes, non-f/t) string literals.
   */
  static java.util.BitSet escapedSurrogates(String src, int start, int end) {
    java.util.BitSet lone = new java.util.BitSet();
    StringBuilder out = new StringBuilder();
    int i = start;
    while (i < end) {
      char c = src.charAt(i);
      if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '(' || c == ')') {
        i++;
        continue;
      }
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '#') {
        while (i < end && src.charAt(i) != '\n' && src.charAt(i) != '\r') {
          i++;
        }
        continue;
      }
      int p = i;
      boolean raw = false;
      while (p < end && Character.isLetter(src.charAt(p))) {
        char l = Character.toLowerCase(src.charAt(p));
        if (l == 'r') {
          raw = true;
        } else if (l != 'u') {
          return null;
        }
        p++;
      }
      if (p >= end || src.charAt(p) != '\'' && src.charAt(p) != '"') {
        return null;
      }
      char q = src.charAt(p);
      int ql = p + 2 < end && src.charAt(p + 1) == q && src.charAt(p + 2) == q ? 3 : 1;
      int from = p + ql;
      int j = from;
      while (j < end) {
        char d = src.charAt(j);
        if (d == '\\') {
          j += 2;
          continue;
        }
        if (d == q
            && (ql == 1 || j + 2 < end && src.charAt(j + 1) == q && src.charAt(j + 2) == q)) {
          break;
        }
        j++;
      }
      if (j >= end) {
        return null;
      }
      decodeStr(src, from, j, raw, out, lone);
      i = j + ql;
    }
    return lone;
  }

  private static boolean isOct(char c) {
    return c >= '0' && c <= '7';
  }

  private static int hex(String text, int from, int end, int count, String what) {
    int v = 0;
    for (int k = 0; k < count; k++) {
      int d = from + k < end ? Character.digit(text.charAt(from + k), 16) : -1;
      if (d < 0 || text.charAt(from + k) > 'f') {
        throw new LiteralError(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-"
                + (k + 1)
                + ": truncated "
                + what
                + " escape");
      }
      v = v * 16 + d;
    }
    return v;
  }

  /** Decodes bytes literal content {@code text[start,end)}. */
  static void decodeBytes(String text, int start, int end, boolean raw, ByteArrayOutputStream out) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        throw new LiteralError("bytes can only contain ASCII literal characters");
      }
      if (c == '\r') {
        out.write('\n');
        if (i + 1 < end && text.charAt(i + 1) == '\n') {
          i++;
        }
        continue;
      }
      if (c != '\\' || raw || i + 1 >= end) {
        out.write(c);
        if (c == '\\' && raw && i + 1 < end) {
          char d = text.charAt(++i);
          if (d >= 0x80) {
            throw new LiteralError("bytes can only contain ASCII literal characters");
          }
          if (d == '\r') {
            out.write('\n');
            if (i + 1 < end && text.charAt(i + 1) == '\n') {
              i++;
            }
          } else {
            out.write(d);
          }
        }
        continue;
      }
      char d = text.charAt(++i);
      switch (d) {
        case '\n' -> {}
        case '\r' -> {
          if (i + 1 < end && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\\' -> out.write('\\');
        case '\'' -> out.write('\'');
        case '"' -> out.write('"');
        case 'a' -> out.write(7);
        case 'b' -> out.write(8);
        case 'f' -> out.write(12);
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 't' -> out.write('\t');
        case 'v' -> out.write(11);
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = d - '0';
          int k = 1;
          while (k < 3 && i + 1 < end && isOct(text.charAt(i + 1))) {
            v = v * 8 + (text.charAt(++i) - '0');
            k++;
          }
          out.write(v & 0xFF);
        }
        case 'x' -> {
          int v = 0;
          for (int k = 0; k < 2; k++) {
            int dd = i + 1 < end ? Character.digit(text.charAt(i + 1), 16) : -1;
            if (dd < 0 || text.charAt(i + 1) > 'f') {
              throw new LiteralError("(value error) invalid \\x escape at position " + 0);
            }
            v = v * 16 + dd;
            i++;
          }
          out.write(v);
        }
        default -> {
          if (d >= 0x80) {
            throw new LiteralError("bytes can only contain ASCII literal characters");
          }
          out.write('\\');
          out.write(d);
        }
      }
    }
  }
}
