package dev.keel.notebook;

/**
 * Follows Python's lexical state across the physical lines of one cell (open brackets, strings,
 * backslash continuations) to tell where a logical line starts: the only place IPython looks for
 * its escapes. An approximation of the tokenizer that errs towards "not at a start", so code is
 * never masked by mistake.
 */
final class LogicalLines {
  private int depth;
  private char quote;
  private boolean triple;
  private boolean continued;

  boolean atLogicalStart() {
    return depth == 0 && quote == 0 && !continued;
  }

  void feed(String line) {
    continued = false;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i += 2;
          continue;
        }
        if (c == quote) {
          if (!triple) {
            quote = 0;
          } else if (i + 2 < n && line.charAt(i + 1) == quote && line.charAt(i + 2) == quote) {
            quote = 0;
            i += 2;
          }
        }
        i++;
        continue;
      }
      switch (c) {
        case '#' -> {
          return;
        }
        case '\'', '"' -> {
          quote = c;
          triple = i + 2 < n && line.charAt(i + 1) == c && line.charAt(i + 2) == c;
          if (triple) {
            i += 2;
          }
        }
        case '(', '[', '{' -> depth++;
        case ')', ']', '}' -> depth = Math.max(0, depth - 1);
        case '\\' -> {
          if (i == n - 1) {
            continued = true;
          }
        }
        default -> {}
      }
      i++;
    }
    if (quote != 0 && !triple) {
      // A one-quote string ends with its line unless a backslash continues it.
      if (n > 0 && line.charAt(n - 1) == '\\') {
        continued = true;
      } else {
        quote = 0;
      }
    }
  }

  /** The part of one line before its comment, outside strings. */
  static String codePart(String line) {
    char q = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (q != 0) {
        if (c == '\\') {
          i++;
        } else if (c == q) {
          q = 0;
        }
      } else if (c == '\'' || c == '"') {
        q = c;
      } else if (c == '#') {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** Whether a one-line piece of code closes every bracket and string it opens. */
  static boolean balanced(String code) {
    LogicalLines l = new LogicalLines();
    l.feed(code);
    return l.atLogicalStart();
  }
}
