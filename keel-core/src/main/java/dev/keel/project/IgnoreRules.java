package dev.keel.project;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of one {@code .gitignore} file (or of configured excludes), with git's rules: blank
 * lines and {@code #} comments skipped, {@code \} escapes, trailing spaces trimmed unless escaped,
 * {@code !} negation, a trailing {@code /} matching directories only, a {@code /} at the start or
 * in the middle anchoring the pattern to this file's folder, {@code *}, {@code ?}, bracket classes,
 * and {@code **} as a leading, trailing or middle path segment.
 */
public final class IgnoreRules {
  private record Entry(Pattern regex, boolean negated, boolean directoryOnly) {}

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
    String prefix = base.isEmpty() || base.endsWith("/") ? base : base + "/";
    List<Entry> entries = new ArrayList<>();
    for (String raw : lines) {
      Entry e = compile(raw);
      if (e != null) {
        entries.add(e);
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
    String rel = path.substring(base.length());
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      if (e.directoryOnly && !directory) {
        continue;
      }
      if (e.regex.matcher(rel).matches()) {
        return !e.negated;
      }
    }
    return null;
  }

  private static Entry compile(String raw) {
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
    } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
      line = line.substring(1);
    }
    boolean directoryOnly = false;
    if (line.endsWith("/") && !line.endsWith("\\/")) {
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
    StringBuilder re = new StringBuilder();
    if (!anchored) {
      re.append("(?:.*/)?");
    }
    String[] segments = line.split("/", -1);
    for (int s = 0; s < segments.length; s++) {
      String seg = segments[s];
      boolean last = s == segments.length - 1;
      if (seg.equals("**")) {
        if (last) {
          re.append(".*");
        } else {
          re.append("(?:.*/)?");
        }
        continue;
      }
      appendSegment(re, seg);
      if (!last) {
        re.append('/');
      }
    }
    return new Entry(Pattern.compile(re.toString(), Pattern.DOTALL), negated, directoryOnly);
  }

  private static void appendSegment(StringBuilder re, String seg) {
    for (int i = 0; i < seg.length(); i++) {
      char c = seg.charAt(i);
      switch (c) {
        case '\\' -> {
          if (i + 1 < seg.length()) {
            re.append(Pattern.quote(String.valueOf(seg.charAt(++i))));
          }
        }
        case '*' -> {
          while (i + 1 < seg.length() && seg.charAt(i + 1) == '*') {
            i++;
          }
          re.append("[^/]*");
        }
        case '?' -> re.append("[^/]");
        case '[' -> {
          int close = seg.indexOf(']', i + 2);
          if (close < 0) {
            re.append("\\[");
          } else {
            String body = seg.substring(i + 1, close);
            StringBuilder cls = new StringBuilder("[");
            int j = 0;
            if (body.startsWith("!") || body.startsWith("^")) {
              cls.append('^');
              j = 1;
            }
            for (; j < body.length(); j++) {
              char b = body.charAt(j);
              if (b == '\\' || b == '[' || b == ']' || b == '&' || b == '^') {
                cls.append('\\');
              }
              cls.append(b);
            }
            cls.append(']');
            re.append(cls);
            i = close;
          }
        }
        default -> {
          if ("<([{^-=$!|]})+.>".indexOf(c) >= 0) {
            re.append('\\');
          }
          re.append(c);
        }
      }
    }
  }
}
