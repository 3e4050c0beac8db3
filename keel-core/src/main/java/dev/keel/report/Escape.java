package dev.keel.report;

/**
 * Text that cannot be turned into commands. Paths, source lines and messages (which quote
 * requirements, pyproject strings and names) come from the repository, so from whoever opened the
 * pull request; printed raw, their control characters retitle or clear a terminal, hide text, or
 * start a new line that GitHub Actions runs as a workflow command. Every reporter passes what it
 * echoes through {@link #text}, so each printed line is one line and shows what is really there.
 */
public final class Escape {
  private Escape() {}

  /**
   * {@code s} with C0 controls but tab, DEL, C1 controls, line and paragraph separators, bidi
   * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the noncharacters U+FFFE and
   * U+FFFF and unpaired surrogates shown as escapes: {@code \n}, {@code \r}, {@code \x1b}, {@code
   * \u202e}. The result is also well-formed XML 1.0 character data.
   */
  public static String text(String s) {
    if (s == null) {
      return "";
    }
    int i = 0;
    while (i < s.length() && !escaped(s, i)) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!escaped(s, i)) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c <= 0xff) {
        b.append("\\x")
            .append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 15, 16));
      } else {
        b.append("\\u").append(String.format("%04x", (int) c));
      }
    }
    return b.toString();
  }

  private static boolean escaped(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x20) {
      return c != '\t';
    }
    if (c < 0x7f) {
      return false;
    }
    if (c <= 0x9f) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return c == 0x2028
        || c == 0x2028
        || c == 0x2029
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0xfffe
        || c == 0xffff;
  }
}
