package dev.keel.judge;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suppression comments of one file: {@code # noqa} (all codes), {@code # noqa: A1, B2}, {@code
 * # keel: ignore} and {@code # keel: ignore[A1, B2]}. A code suppresses itself and every code it is
 * a prefix of ({@code # noqa: SEC} silences the whole family).
 */
public final class Suppressions {
  private static final Pattern NOQA =
      Pattern.compile(
          "#\\s*noqa(?::\\s*(?<codes>[A-Z]+[0-9]*(?:[\\s,]+[A-Z]+[0-9]*)*))?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern KEEL =
      Pattern.compile("#\\s*keel:\\s*ignore(?:\\[(?<codes>[^\\]]*)\\])?");
  private static final Set<String> ALL = Set.of("*");

  private final Map<Integer, Set<String>> byLine;

  private Suppressions(Map<Integer, Set<String>> byLine) {
    this.byLine = byLine;
  }

  public static Suppressions none() {
    return new Suppressions(Map.of());
  }

  /**
   * Reads suppressions from comment texts.
   *
   * @param comments line number (1-based) to the text of the comment on that line, starting at
   *     {@code #}
   */
  public static Suppressions fromComments(Map<Integer, String> comments) {
    Map<Integer, Set<String>> byLine = new HashMap<>();
    comments.forEach(
        (line, text) -> {
          Set<String> codes = codes(text);
          if (codes != null) {
            byLine.put(line, codes);
          }
        });
    return new Suppressions(byLine);
  }

  /**
   * Reads suppressions from the raw text of a file, taking the first {@code #} on a line that is
   * not inside a simple string literal as the start of a comment. The parser's comment list is more
   * exact; this serves files that are not Python (and is right for ordinary code).
   */
  public static Suppressions fromText(String text) {
    Map<Integer, String> comments = new HashMap<>();
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        String l = text.substring(start, i);
        int hash = commentStart(l);
        if (hash >= 0) {
          comments.put(line, l.substring(hash));
        }
        line++;
        start = i + 1;
      }
    }
    return fromComments(comments);
  }

  private static int commentStart(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#') {
        return i;
      }
    }
    return -1;
  }

  private static Set<String> codes(String comment) {
    Matcher k = KEEL.matcher(comment);
    if (k.find()) {
      return split(k.group("codes"));
    }
    Matcher n = NOQA.matcher(comment);
    if (n.find()) {
      return split(n.group("codes"));
    }
    return null;
  }

  private static Set<String> split(String codes) {
    if (codes == null || codes.isBlank()) {
      return ALL;
    }
    Set<String> out = new java.util.TreeSet<>();
    for (String c : codes.split("[\\s,]+")) {
      if (!c.isEmpty()) {
        out.add(c.toUpperCase(java.util.Locale.ROOT));
      }
    }
    return out.isEmpty() ? ALL : out;
  }

  /** Whether a finding of {@code code} on {@code line} is suppressed. */
  public boolean suppresses(int line, String code) {
    Set<String> codes = byLine.get(line);
    if (codes == null) {
      return false;
    }
    if (codes == ALL) {
      return true;
    }
    for (String c : codes) {
      if (code.startsWith(c)) {
        return true;
      }
    }
    return false;
  }
}
