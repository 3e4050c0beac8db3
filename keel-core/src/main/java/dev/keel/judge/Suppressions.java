package dev.keel.judge;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suppression comments of one file: {@code # noqa} (all codes), {@code # noqa: A1, B2}, {@code
 * # keel: ignore} and {@code # keel: ignore[A1, B2]}. A code suppresses itself and every code it is
 * a prefix of ({@code # noqa: SEC} silences the whole family). The codes of other tools that mean
 * the same as a Keel rule ({@link ForeignCodes}: {@code # noqa: F401} is NAM001) suppress it too,
 * and so do bandit's {@code # nosec} (bare, or with bandit's test ids such as {@code B602}). A
 * comment alone on its line that says {@code # ruff: noqa} or {@code # flake8: noqa} (bare, or with
 * codes) holds for the whole file.
 */
public final class Suppressions {
  private static final Pattern NOQA =
      Pattern.compile(
          "#\\s*noqa(?::\\s*(?<codes>[A-Z]+[0-9]*(?:[\\s,]+[A-Z]+[0-9]*)*))?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern KEEL =
      Pattern.compile("#\\s*keel:\\s*ignore(?:\\[(?<codes>[^\\]]*)\\])?");
  private static final Pattern NOSEC =
      Pattern.compile(
          "#\\s*nosec\\b(?::?\\s*(?<codes>B[0-9]+(?:[\\s,]+B[0-9]+)*))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern FILE_NOQA =
      Pattern.compile(
          "#\\s*(?:ruff|flake8)\\s*:\\s*noqa(?:\\s*:\\s*(?<codes>[A-Z]+[0-9]*(?:[\\s,]+[A-Z]+[0-9]*)*))?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CODE = Pattern.compile("[A-Za-z]+[0-9]+|[A-Z]{2,}");
  private static final Set<String> ALL = Set.of("*");

  private final Map<Integer, Set<String>> byLine;
  private final Set<String> fileWide;

  private Suppressions(Map<Integer, Set<String>> byLine, Set<String> fileWide) {
    this.byLine = byLine;
    this.fileWide = fileWide;
  }

  public static Suppressions none() {
    return new Suppressions(Map.of(), Set.of());
  }

  /**
   * Reads suppressions from comment texts.
   *
   * @param comments line number (1-based) to the text of the comment on that line, starting at
   *     {@code #}
   */
  public static Suppressions fromComments(Map<Integer, String> comments) {
    return fromComments(comments, Set.of());
  }

  private static Suppressions fromComments(Map<Integer, String> comments, Set<Integer> ownLine) {
    Map<Integer, Set<String>> byLine = new HashMap<>();
    Set<String> fileWide = new java.util.TreeSet<>();
    comments.forEach(
        (line, text) -> {
          Set<String> codes = codes(text);
          if (codes != null) {
            byLine.put(line, codes);
          }
          if (ownLine.contains(line)) {
            Matcher f = FILE_NOQA.matcher(text);
            if (f.lookingAt()) {
              Set<String> c = split(f.group("codes"));
              fileWide.addAll(c == ALL ? ALL : c);
            }
          }
        });
    return new Suppressions(byLine, fileWide.contains("*") ? ALL : Set.copyOf(fileWide));
  }

  /**
   * Reads suppressions from the raw text of a file, taking the first {@code #} on a line that is
   * not inside a simple string literal as the start of a comment. The parser's comment list is more
   * exact; this serves files that are not Python (and is right for ordinary code).
   */
  public static Suppressions fromText(String text) {
    Map<Integer, String> comments = new HashMap<>();
    Set<Integer> ownLine = new java.util.HashSet<>();
    int line = 1;
    int start = 0;
    // Only a line with a '#' can hold a comment: the others are passed over without a copy.
    int nextHash = text.indexOf('#');
    while (nextHash >= 0) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      if (nextHash < end) {
        String l = text.substring(start, end);
        int hash = commentStart(l);
        if (hash >= 0) {
          comments.put(line, l.substring(hash));
          if (l.substring(0, hash).isBlank()) {
            ownLine.add(line);
          }
        }
        nextHash = text.indexOf('#', end);
      }
      if (newline < 0) {
        break;
      }
      line++;
      start = newline + 1;
    }
    return fromComments(comments, ownLine);
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

  /** The codes one comment suppresses on its line; null for none. */
  private static Set<String> codes(String comment) {
    Set<String> out = null;
    Matcher k = KEEL.matcher(comment);
    if (k.find()) {
      out = union(out, split(k.group("codes")));
    }
    Matcher n = NOQA.matcher(comment);
    if (n.find()) {
      out = union(out, split(n.group("codes")));
    }
    Matcher b = NOSEC.matcher(comment);
    if (b.find()) {
      // bandit's test ids are Ruff's S codes with another letter (B602 is S602); bare # nosec is
      // every bandit check.
      String ids = b.group("codes");
      Set<String> bandit = new java.util.TreeSet<>();
      if (ids == null) {
        bandit.add("S");
      } else {
        for (String id : ids.split("[\\s,]+")) {
          if (!id.isEmpty()) {
            bandit.add("S" + id.substring(1));
          }
        }
      }
      out = union(out, bandit);
    }
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    if (a == null) {
      return b;
    }
    if (a == ALL || b == ALL) {
      return ALL;
    }
    Set<String> out = new java.util.TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  private static Set<String> split(String codes) {
    if (codes == null || codes.isBlank()) {
      return ALL;
    }
    // Codes run until the first word that is not one, as in Ruff: "# noqa: F401 re-exported" is
    // F401 alone. A code is letters and digits (F401, sec001) or a family in capitals (SEC).
    Set<String> out = new java.util.TreeSet<>();
    for (String c : codes.split("[\\s,]+")) {
      if (c.isEmpty()) {
        continue;
      }
      if (!CODE.matcher(c).matches()) {
        break;
      }
      out.add(c.toUpperCase(java.util.Locale.ROOT));
    }
    return out.isEmpty() ? ALL : out;
  }

  /** Whether a finding of {@code code} on {@code line} is suppressed (on its line or file-wide). */
  public boolean suppresses(int line, String code) {
    return matches(byLine.get(line), code) || suppressesFileWide(code);
  }

  /**
   * Whether a file-level {@code # ruff: noqa} or {@code # flake8: noqa} suppresses {@code code}.
   */
  public boolean suppressesFileWide(String code) {
    return matches(fileWide, code);
  }

  private static boolean matches(Set<String> codes, String code) {
    if (codes == null || codes.isEmpty()) {
      return false;
    }
    if (codes == ALL) {
      return true;
    }
    for (String c : codes) {
      if (code.startsWith(c) || ForeignCodes.suppresses(c, code)) {
        return true;
      }
    }
    return false;
  }
}
