package dev.keel.config;

import java.util.regex.Pattern;

/**
 * A path pattern matched as Ruff matches those of {@code per-file-ignores} and {@code exclude}:
 * against the path relative to the project root and against the file's name alone, with {@code *}
 * and {@code **} for any run of characters ({@code /} included), {@code ?} for one, {@code [a-z]}
 * and {@code [!a-z]} for a class and {@code {a,b}} for either. A leading {@code ./} is dropped.
 */
public final class PathGlob {
  private final String text;
  private final Pattern regex;

  private PathGlob(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  /** The pattern; a {@link ConfigException} naming {@code what} when it does not compile. */
  public static PathGlob of(String pattern, String what) {
    String p = pattern.strip();
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    try {
      return new PathGlob(pattern, Pattern.compile(toRegex(p)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(what + " has pattern '" + pattern + "', which is not a valid glob");
    }
  }

  public String text() {
    return text;
  }

  /** Whether the pattern matches {@code path} (relative, {@code /}-separated) or its last name. */
  public boolean matches(String path) {
    if (regex.matcher(path).matches()) {
      return true;
    }
    int slash = path.lastIndexOf('/');
    return slash >= 0 && regex.matcher(path.substring(slash + 1)).matches();
  }

  /**
   * Whether the pattern matches {@code path} or a folder it is in (by its path or its name), as
   * Ruff's {@code exclude} skips a folder and all below it.
   */
  public boolean matchesOrContains(String path) {
    int from = 0;
    while (true) {
      int slash = path.indexOf('/', from);
      String prefix = slash < 0 ? path : path.substring(0, slash);
      if (!prefix.isEmpty() && matches(prefix)) {
        return true;
      }
      if (slash < 0) {
        return false;
      }
      from = slash + 1;
    }
  }

  private static String toRegex(String glob) {
    StringBuilder r = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          int run = 1;
          while (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            i++;
            run++;
          }
          if (run >= 2 && i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
            // "dir/**/x" also matches "dir/x", as in globset.
            r.append("(?:.*/)?");
            i++;
          } else {
            r.append(".*");
          }
        }
        case '?' -> r.append('.');
        case '[' -> {
          int close = glob.indexOf(']', i + 2);
          if (close < 0) {
            throw new IllegalArgumentException("unclosed [");
          }
          String body = glob.substring(i + 1, close);
          if (body.startsWith("!")) {
            body = "^" + body.substring(1);
          }
          r.append('[').append(body.replace("\\", "\\\\")).append(']');
          i = close;
        }
        case '{' -> {
          braces++;
          r.append("(?:");
        }
        case '}' -> {
          if (braces == 0) {
            throw new IllegalArgumentException("unopened }");
          }
          braces--;
          r.append(')');
        }
        case ',' -> r.append(braces > 0 ? "|" : ",");
        default -> r.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (braces != 0) {
      throw new IllegalArgumentException("unclosed {");
    }
    return r.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
