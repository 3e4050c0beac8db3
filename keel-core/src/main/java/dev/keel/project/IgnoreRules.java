package dev.keel.project;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The patterns of one {@code .gitignore} file (or of configured excludes), with git's rules: blank
 * lines and {@code #} comments skipped, {@code \} escapes, trailing spaces trimmed unless escaped,
 * {@code !} negation, a trailing {@code /} matching directories only, a {@code /} at the start or
 * in the middle anchoring the pattern to this file's folder, {@code *} and {@code ?} (never across
 * a {@code /}), bracket classes ({@code [a-z]}, {@code [!…]}, {@code [[:alpha:]]}), and {@code **}
 * as a leading, trailing or middle path segment.
 *
 * <p>Matching follows git's wildmatch on the UTF-8 bytes of pattern and path, but as a simulation
 * of the pattern's automaton (all positions at once) rather than by backtracking: the time is the
 * length of the path times the length of the pattern, whatever the pattern ({@code *a*a*a*a*b} or
 * twenty {@code **}/ in a row cost what a plain name costs). A pattern git can never match (an
 * unterminated {@code [}, an unknown {@code [:class:]}, a trailing {@code \}) is dropped with a
 * warning naming the file and line.
 */
public final class IgnoreRules {
  /** Token kinds of a compiled pattern. */
  private static final byte LITERAL = 0;

  private static final byte ANY = 1; // ?
  private static final byte CLASS = 2; // [...]
  private static final byte STAR = 3; // * within one segment
  private static final byte DIRS = 4; // **/ : nothing, or anything ending in /
  private static final byte ALL = 5; // trailing ** : anything

  private record Entry(
      byte[] kinds, byte[] literals, boolean[][] classes, boolean negated, boolean directoryOnly) {}

  /** Folder of the .gitignore relative to the project root, "" for the root, else "a/b/". */
  private final String base;

  private final List<Entry> entries;

  private IgnoreRules(String base, List<Entry> entries) {
    this.base = base;
    this.entries = entries;
  }

  /**
   * @param base the folder holding the patterns, relative to the root, {@code /}-separated, empty
   *     for the root
   */
  public static IgnoreRules parse(String base, List<String> lines) {
    return parse(base, lines, "patterns", new ArrayList<>());
  }

  /**
   * @param source where the lines come from, for warnings ({@code src/.gitignore})
   * @param warnings receives one line per invalid pattern
   */
  public static IgnoreRules parse(
      String base, List<String> lines, String source, List<String> warnings) {
    String prefix = base.isEmpty() || base.endsWith("/") ? base : base + "/";
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (i == 0 && raw.startsWith("\uFEFF")) {
        raw = raw.substring(1);
      }
      String[] problem = new String[1];
      Entry e = compile(raw, problem);
      if (e != null) {
        entries.add(e);
      } else if (problem[0] != null) {
        warnings.add(
            source
                + ":"
                + (i + 1)
                + ": pattern '"
                + raw.strip()
                + "' "
                + problem[0]
                + "; git never matches it, so it is skipped");
      }
    }
    return new IgnoreRules(prefix, entries);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * The verdict of these patterns on a path relative to the project root: {@code TRUE} ignored,
   * {@code FALSE} re-included by a negation, {@code null} no pattern matched.
   */
  public Boolean verdict(String path, boolean directory) {
    if (!path.startsWith(base)) {
      return null;
    }
    byte[] rel = path.substring(base.length()).getBytes(StandardCharsets.UTF_8);
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      if (e.directoryOnly && !directory) {
        continue;
      }
      if (matches(e, rel)) {
        return !e.negated;
      }
    }
    return null;
  }

  /** Runs the pattern's automaton over the path: every reachable position at once. */
  private static boolean matches(Entry e, byte[] text) {
    int k = e.kinds.length;
    // at[i]: the pattern has matched up to token i; inDir[i]: inside a segment that token i (**/)
    // is consuming, waiting for its '/'.
    boolean[] at = new boolean[k + 1];
    boolean[] inDir = new boolean[k];
    boolean[] nextAt = new boolean[k + 1];
    boolean[] nextInDir = new boolean[k];
    at[0] = true;
    close(e, at);
    for (byte b : text) {
      int c = b & 0xff;
      boolean any = false;
      java.util.Arrays.fill(nextAt, false);
      java.util.Arrays.fill(nextInDir, false);
      for (int i = 0; i < k; i++) {
        if (inDir[i]) {
          if (c == '/') {
            nextAt[i] = true;
          } else {
            nextInDir[i] = true;
          }
          any = true;
        }
        if (!at[i]) {
          continue;
        }
        switch (e.kinds[i]) {
          case LITERAL -> {
            if ((e.literals[i] & 0xff) == c) {
              nextAt[i + 1] = true;
              any = true;
            }
          }
          case ANY -> {
            if (c != '/') {
              nextAt[i + 1] = true;
              any = true;
            }
          }
          case CLASS -> {
            if (c != '/' && e.classes[i][c]) {
              nextAt[i + 1] = true;
              any = true;
            }
          }
          case STAR -> {
            if (c != '/') {
              nextAt[i] = true;
              any = true;
            }
          }
          case DIRS -> {
            if (c == '/') {
              nextAt[i] = true;
            } else {
              nextInDir[i] = true;
            }
            any = true;
          }
          default -> {
            nextAt[i] = true;
            any = true;
          }
        }
      }
      if (!any) {
        return false;
      }
      boolean[] t = at;
      at = nextAt;
      nextAt = t;
      t = inDir;
      inDir = nextInDir;
      nextInDir = t;
      close(e, at);
    }
    return at[k];
  }

  /** Adds the positions reachable without reading a byte: past *, **, **\/. */
  private static void close(Entry e, boolean[] at) {
    for (int i = 0; i < e.kinds.length; i++) {
      byte kind = e.kinds[i];
      if (at[i] && (kind == STAR || kind == DIRS || kind == ALL)) {
        at[i + 1] = true;
      }
    }
  }

  private static Entry compile(String raw, String[] problem) {
    String line = raw;
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    // Trailing spaces are dropped unless escaped with a backslash.
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
      end--;
    }
    line = line.substring(0, end);
    if (line.isEmpty() || line.startsWith("#")) {
      return null;
    }
    boolean negated = false;
    if (line.startsWith("!")) {
      negated = true;
      line = line.substring(1);
    }
    boolean directoryOnly = false;
    if (line.endsWith("/")) {
      directoryOnly = true;
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      return null;
    }
    boolean anchored = line.indexOf('/') >= 0;
    if (line.startsWith("/")) {
      line = line.substring(1);
    }
    byte[] p = line.getBytes(StandardCharsets.UTF_8);
    List<Byte> kinds = new ArrayList<>();
    List<Byte> literals = new ArrayList<>();
    List<boolean[]> classes = new ArrayList<>();
    if (!anchored) {
      // A pattern without a slash matches a name at any depth.
      add(kinds, literals, classes, DIRS, 0, null);
    }
    for (int i = 0; i < p.length; i++) {
      int c = p[i] & 0xff;
      switch (c) {
        case '\\' -> {
          if (i + 1 >= p.length) {
            problem[0] = "ends with a lone backslash";
            return null;
          }
          add(kinds, literals, classes, LITERAL, p[++i], null);
        }
        case '?' -> add(kinds, literals, classes, ANY, 0, null);
        case '*' -> {
          int start = i;
          while (i + 1 < p.length && p[i + 1] == '*') {
            i++;
          }
          boolean two = i > start;
          boolean segmentStart = start == 0 || p[start - 1] == '/';
          boolean atEnd = i + 1 == p.length;
          boolean slashNext =
              !atEnd
                  && (p[i + 1] == '/' || (p[i + 1] == '\\' && i + 2 < p.length && p[i + 2] == '/'));
          if (two && segmentStart && atEnd) {
            add(kinds, literals, classes, ALL, 0, null);
          } else if (two && segmentStart && slashNext) {
            add(kinds, literals, classes, DIRS, 0, null);
            i += p[i + 1] == '/' ? 1 : 2;
          } else {
            add(kinds, literals, classes, STAR, 0, null);
          }
        }
        case '[' -> {
          boolean[] set = new boolean[256];
          int next = bracket(p, i, set, problem);
          if (next < 0) {
            return null;
          }
          add(kinds, literals, classes, CLASS, 0, set);
          i = next;
        }
        default -> add(kinds, literals, classes, LITERAL, (byte) c, null);
      }
    }
    int n = kinds.size();
    byte[] k = new byte[n];
    byte[] l = new byte[n];
    boolean[][] cl = new boolean[n][];
    for (int j = 0; j < n; j++) {
      k[j] = kinds.get(j);
      l[j] = literals.get(j);
      cl[j] = classes.get(j);
    }
    return new Entry(k, l, cl, negated, directoryOnly);
  }

  private static void add(
      List<Byte> kinds,
      List<Byte> literals,
      List<boolean[]> classes,
      byte kind,
      int lit,
      boolean[] set) {
    kinds.add(kind);
    literals.add((byte) lit);
    classes.add(set);
  }

  /**
   * Reads the class starting at {@code p[open] == '['} into {@code set} (negation applied) as git's
   * wildmatch reads it, and returns the index of its closing {@code ]}; -1 when git would never
   * match it (unterminated, unknown {@code [:name:]}).
   */
  private static int bracket(byte[] p, int open, boolean[] set, String[] problem) {
    int j = open + 1;
    boolean negated = false;
    if (j < p.length && (p[j] == '!' || p[j] == '^')) {
      negated = true;
      j++;
    }
    int prev = -1;
    boolean first = true;
    while (true) {
      if (j >= p.length) {
        problem[0] = "has a [ without its closing ]";
        return -1;
      }
      int c = p[j] & 0xff;
      if (c == ']' && !first) {
        break;
      }
      first = false;
      if (c == '\\') {
        if (++j >= p.length) {
          problem[0] = "has a [ without its closing ]";
          return -1;
        }
        c = p[j] & 0xff;
        set[c] = true;
        prev = c;
      } else if (c == '-' && prev >= 0 && j + 1 < p.length && p[j + 1] != ']') {
        int hi = p[++j] & 0xff;
        if (hi == '\\') {
          if (++j >= p.length) {
            problem[0] = "has a [ without its closing ]";
            return -1;
          }
          hi = p[j] & 0xff;
        }
        for (int x = prev; x <= hi; x++) {
          set[x] = true;
        }
        prev = -1;
      } else if (c == '[' && j + 1 < p.length && p[j + 1] == ':') {
        int close = j + 2;
        while (close < p.length && p[close] != ']') {
          close++;
        }
        if (close >= p.length) {
          problem[0] = "has a [ without its closing ]";
          return -1;
        }
        if (close - (j + 2) - 1 < 0 || p[close - 1] != ':') {
          // Not "[:name:]": the [ is an ordinary member.
          set['['] = true;
          prev = '[';
        } else {
          String name = new String(p, j + 2, close - j - 3, StandardCharsets.US_ASCII);
          if (!posix(name, set)) {
            problem[0] = "has an unknown character class [:" + name + ":]";
            return -1;
          }
          prev = -1;
          j = close;
        }
      } else {
        set[c] = true;
        prev = c;
      }
      j++;
    }
    if (negated) {
      for (int x = 0; x < 256; x++) {
        set[x] = !set[x];
      }
    }
    return j;
  }

  private static boolean posix(String name, boolean[] set) {
    java.util.function.IntPredicate in =
        switch (name) {
          case "alnum" -> c -> Character.isLetterOrDigit(c);
          case "alpha" -> Character::isLetter;
          case "blank" -> c -> c == ' ' || c == '\t';
          case "cntrl" -> c -> c < 32 || c == 127;
          case "digit" -> c -> c >= '0' && c <= '9';
          case "graph" -> c -> c > 32 && c < 127;
          case "lower" -> c -> c >= 'a' && c <= 'z';
          case "print" -> c -> c >= 32 && c < 127;
          case "punct" -> c -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
          case "space" -> c -> c == ' ' || (c >= 9 && c <= 13);
          case "upper" -> c -> c >= 'A' && c <= 'Z';
          case "xdigit" ->
              c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
          default -> null;
        };
    if (in == null) {
      return false;
    }
    for (int c = 0; c < 128; c++) {
      if (in.test(c)) {
        set[c] = true;
      }
    }
    return true;
  }
}
