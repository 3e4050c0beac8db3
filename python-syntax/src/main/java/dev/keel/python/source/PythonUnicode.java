package dev.keel.python.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Unicode as CPython 3.13 sees it (Unicode 15.1), independent of the JDK's own Unicode version:
 * which characters {@code repr()} prints as they are ({@code str.isprintable}), and which names
 * {@code \N{...}} accepts, aliases and algorithmic names included. The tables are generated from
 * python3.13 by {@code tools/python-unicode.py}.
 */
public final class PythonUnicode {
  private static final PythonUnicode INSTANCE = load("unicode-3.13.txt");

  private final int[] printableStarts;
  private final int[] printableEnds;
  private final Map<String, Integer> aliases;
  private final List<Object[]> algorithmic;
  private final String unicodeVersion;
  private volatile Map<String, Integer> hangul;

  private PythonUnicode(
      int[] starts,
      int[] ends,
      Map<String, Integer> aliases,
      List<Object[]> algorithmic,
      String v) {
    this.printableStarts = starts;
    this.printableEnds = ends;
    this.aliases = aliases;
    this.algorithmic = algorithmic;
    this.unicodeVersion = v;
  }

  /** The Unicode version of the tables, {@code 15.1.0}. */
  public static String unicodeVersion() {
    return INSTANCE.unicodeVersion;
  }

  /** Whether {@code repr()} keeps the code point as it is ({@code str.isprintable()}). */
  public static boolean isPrintable(int codePoint) {
    int[] s = INSTANCE.printableStarts;
    int lo = 0;
    int hi = s.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (s[mid] <= codePoint) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return hi >= 0 && codePoint <= INSTANCE.printableEnds[hi];
  }

  /** The code point a {@code \N{name}} escape names, as CPython's unicodedata.lookup finds it. */
  public static OptionalInt lookup(String name) {
    return INSTANCE.find(name.strip().toUpperCase(Locale.ROOT));
  }

  private OptionalInt find(String name) {
    Integer alias = aliases.get(name);
    if (alias != null) {
      return OptionalInt.of(alias);
    }
    for (Object[] r : algorithmic) {
      String prefix = (String) r[2];
      if (name.startsWith(prefix)) {
        String hex = name.substring(prefix.length());
        if (hex.length() >= 4 && hex.length() <= 6 && hex.chars().allMatch(PythonUnicode::isHex)) {
          int cp = Integer.parseInt(hex, 16);
          if (cp >= (int) r[0] && cp <= (int) r[1]) {
            return OptionalInt.of(cp);
          }
        }
      }
    }
    if (name.startsWith("HANGUL SYLLABLE ")) {
      Integer cp = hangul().get(name.substring("HANGUL SYLLABLE ".length()));
      return cp == null ? OptionalInt.empty() : OptionalInt.of(cp);
    }
    int cp;
    try {
      cp = Character.codePointOf(name);
    } catch (IllegalArgumentException e) {
      return OptionalInt.empty();
    }
    // Java also accepts "BLOCK NAME XXXX" for unnamed code points; Python does not.
    Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
    if (block != null
        && name.equals(
            block.toString().replace('_', ' ')
                + " "
                + Integer.toHexString(cp).toUpperCase(Locale.ROOT))) {
      return OptionalInt.empty();
    }
    String javaName = Character.getName(cp);
    if (javaName != null
        && javaName.endsWith(" " + Integer.toHexString(cp).toUpperCase(Locale.ROOT))
        && name.equals(javaName)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(cp);
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
  }

  /** Hangul syllable names from the jamo short names (Unicode chapter 3.12). */
  private Map<String, Integer> hangul() {
    Map<String, Integer> h = hangul;
    if (h == null) {
      String[] l = {
        "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T",
        "P", "H"
      };
      String[] v = {
        "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO",
        "WE", "WI", "YU", "EU", "YI", "I"
      };
      String[] t = {
        "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH",
        "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"
      };
      h = new HashMap<>();
      for (int i = 0; i < l.length; i++) {
        for (int j = 0; j < v.length; j++) {
          for (int k = 0; k < t.length; k++) {
            h.put(l[i] + v[j] + t[k], 0xAC00 + (i * v.length + j) * t.length + k);
          }
        }
      }
      hangul = h;
    }
    return h;
  }

  private static PythonUnicode load(String resource) {
    List<int[]> ranges = new ArrayList<>();
    Map<String, Integer> aliases = new HashMap<>();
    List<Object[]> algorithmic = new ArrayList<>();
    String version = "";
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                PythonUnicode.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.length() < 2) {
          continue;
        }
        String rest = line.substring(2);
        switch (line.charAt(0)) {
          case 'V' -> version = rest.strip();
          case 'P' -> {
            String[] p = rest.split(" ");
            ranges.add(new int[] {Integer.parseInt(p[0], 16), Integer.parseInt(p[1], 16)});
          }
          case 'A' -> {
            int sp = rest.indexOf(' ');
            aliases.put(rest.substring(sp + 1), Integer.parseInt(rest.substring(0, sp), 16));
          }
          case 'R' -> {
            String[] p = rest.split(" ", 3);
            algorithmic.add(
                new Object[] {Integer.parseInt(p[0], 16), Integer.parseInt(p[1], 16), p[2]});
          }
          default -> {}
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int[] starts = new int[ranges.size()];
    int[] ends = new int[ranges.size()];
    for (int i = 0; i < ranges.size(); i++) {
      starts[i] = ranges.get(i)[0];
      ends[i] = ranges.get(i)[1];
    }
    return new PythonUnicode(starts, ends, Map.copyOf(aliases), List.copyOf(algorithmic), version);
  }
}
