package dev.keel.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A big input as a few lines that make it, so a regression of megabytes is kept as a few bytes:
 * {@code text "..."} appends the string, {@code repeat N "..."} appends it N times ({@code #}
 * starts a comment). Strings take {@code \n \r \t \f \0 \\ \" \xHH}; the bytes are the string's
 * characters, each below 256 (so any byte can be written).
 */
final class Recipe {
  private static final Pattern LINE =
      Pattern.compile("(text|repeat\\s+(\\d+))\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

  private Recipe() {}

  static byte[] bytes(String recipe) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String raw : recipe.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a recipe line: " + line);
      }
      byte[] piece = unescape(m.group(3));
      int times = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      for (int i = 0; i < times; i++) {
        out.writeBytes(piece);
      }
    }
    return out.toByteArray();
  }

  private static byte[] unescape(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        if (c > 255) {
          throw new IllegalArgumentException("characters of a recipe are bytes: " + c);
        }
        out.write(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 't' -> out.write('\t');
        case 'f' -> out.write('\f');
        case '0' -> out.write(0);
        case 'x' -> {
          out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> out.write(e);
      }
    }
    return out.toByteArray();
  }
}
