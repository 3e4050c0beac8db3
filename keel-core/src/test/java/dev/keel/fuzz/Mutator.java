package dev.keel.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Mutations of Python source: byte-level (flip, insert, delete, duplicate, splice, truncate) and
 * grammar-aware (a nesting construct repeated, a long chain, deep indentation, an unclosed bracket,
 * NULs, a BOM or coding cookie, other line ends, tabs and form feeds). Each names itself, so a
 * campaign can say which kinds found what.
 */
final class Mutator {
  private final Random random;
  private final List<byte[]> seeds;

  Mutator(Random random, List<byte[]> seeds) {
    this.random = random;
    this.seeds = seeds;
  }

  /** A mutated input and the names of the mutations that made it. */
  record Mutant(byte[] bytes, String how) {}

  private static final String[] OPENERS = {
    "(",
    "[",
    "{",
    "{1: ",
    "f(",
    "not ",
    "-",
    "lambda: ",
    "await ",
    "*",
    "x if y else ",
    "[x for x in ",
    "f'{",
    "a[",
    "(yield ",
    "{**",
    "x := (",
    "~",
    "**",
    "@"
  };

  private static final String[] CHAINS = {
    "+1", ".b", "()", "[0]", " < a", ", a", " and a", " or a", " if a else a", "|a", ".b()", " ** 2"
  };

  private static final String[] BLOCKS = {
    "if a:\n",
    "for x in y:\n",
    "while a:\n",
    "with a:\n",
    "try:\n",
    "def f():\n",
    "class C:\n",
    "async def f():\n",
    "match x:\n case 1:\n"
  };

  private static final byte[][] TOKENS = {
    {0},
    {'\f'},
    {'\t'},
    {'\r'},
    {'\n'},
    {'\\'},
    {'"'},
    {'\''},
    {'"', '"', '"'},
    {'('},
    {')'},
    {'['},
    {']'},
    {'{'},
    {'}'},
    {':'},
    {'#'},
    {(byte) 0xff},
    {(byte) 0xc3},
    {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
    {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
    {'$'},
    {'?'},
    {'`'},
    {' '},
    {'f', '"', '{'},
    {'t', '\''},
    {'@'},
    {'='},
    {'*'},
    {'0', 'x'},
    {'1', 'e'},
    {'1', '_'},
    {'u', '"'},
    {'r', 'b', '"'},
    {0x1b}
  };

  Mutant next() {
    byte[] input = seeds.get(random.nextInt(seeds.size()));
    StringBuilder how = new StringBuilder();
    int rounds = 1 + random.nextInt(4);
    for (int r = 0; r < rounds; r++) {
      int kind = random.nextInt(16);
      input =
          switch (kind) {
            case 0 -> flip(input);
            case 1 -> insertToken(input);
            case 2 -> deleteRange(input);
            case 3 -> duplicateRange(input);
            case 4 -> splice(input);
            case 5 -> truncate(input);
            case 6 -> nest(input);
            case 7 -> chain(input);
            case 8 -> deepIndent(input);
            case 9 -> unclosed(input);
            case 10 -> nuls(input);
            case 11 -> encoding(input);
            case 12 -> lineEnds(input);
            case 13 -> whitespace(input);
            case 14 -> randomBytes(input);
            default -> repeatLine(input);
          };
      how.append(how.isEmpty() ? "" : "+").append(NAMES[kind]);
    }
    if (input.length > MAX_BYTES) {
      input = java.util.Arrays.copyOf(input, MAX_BYTES);
    }
    return new Mutant(input, how.toString());
  }

  /** Inputs stay below this size: bigger ones measure throughput, not robustness. */
  static final int MAX_BYTES = 1 << 20;

  static final String[] NAMES = {
    "flip",
    "insert-token",
    "delete",
    "duplicate",
    "splice",
    "truncate",
    "nest",
    "chain",
    "deep-indent",
    "unclosed",
    "nuls",
    "encoding",
    "line-ends",
    "whitespace",
    "random-bytes",
    "repeat-line"
  };

  private int at(byte[] b) {
    return b.length == 0 ? 0 : random.nextInt(b.length + 1);
  }

  /** A size between 1 and {@code max}, spread evenly over the orders of magnitude. */
  private int size(int max) {
    return (int) Math.max(1, Math.round(Math.pow(max, random.nextDouble())));
  }

  private static byte[] join(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] range(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, from, to);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] insert(byte[] b, byte[] what) {
    int i = at(b);
    return join(range(b, 0, i), what, range(b, i, b.length));
  }

  private byte[] flip(byte[] b) {
    if (b.length == 0) {
      return b;
    }
    byte[] c = b.clone();
    for (int n = size(8); n > 0; n--) {
      int i = random.nextInt(c.length);
      c[i] ^= (byte) (1 << random.nextInt(8));
    }
    return c;
  }

  private byte[] insertToken(byte[] b) {
    byte[] t = TOKENS[random.nextInt(TOKENS.length)];
    int n = random.nextInt(4) == 0 ? size(5_000) : 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      out.writeBytes(t);
    }
    return insert(b, out.toByteArray());
  }

  private byte[] deleteRange(byte[] b) {
    if (b.length == 0) {
      return b;
    }
    int i = random.nextInt(b.length);
    int j = Math.min(b.length, i + size(Math.max(1, b.length / 4)));
    return join(range(b, 0, i), range(b, j, b.length));
  }

  private byte[] duplicateRange(byte[] b) {
    if (b.length == 0) {
      return b;
    }
    int i = random.nextInt(b.length);
    int j = Math.min(b.length, i + size(Math.max(1, Math.min(b.length, 4096))));
    byte[] piece = range(b, i, j);
    int times = size(random.nextBoolean() ? 4 : 2_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int k = 0; k < times && out.size() < MAX_BYTES; k++) {
      out.writeBytes(piece);
    }
    return insert(b, out.toByteArray());
  }

  private byte[] splice(byte[] b) {
    byte[] other = seeds.get(random.nextInt(seeds.size()));
    if (other.length == 0) {
      return b;
    }
    int i = random.nextInt(other.length);
    int j = Math.min(other.length, i + size(other.length));
    return insert(b, range(other, i, j));
  }

  private byte[] truncate(byte[] b) {
    return range(b, 0, at(b));
  }

  private byte[] nest(byte[] b) {
    String open = OPENERS[random.nextInt(OPENERS.length)];
    int n = size(20_000);
    String close =
        switch (open.charAt(0)) {
          case '(' -> ")";
          case '[' -> "]";
          case '{' -> open.startsWith("{1") ? "}" : "}";
          case 'f' -> open.startsWith("f'") ? "}'" : ")";
          case 'a' -> "]";
          case 'x' -> open.contains("(") ? ")" : "";
          default -> "";
        };
    if (open.startsWith("[x for")) {
      close = "]";
    }
    String core = open.repeat(n) + "x" + (random.nextInt(5) == 0 ? "" : close.repeat(n));
    return insert(b, utf8("\nx = " + core + "\n"));
  }

  private byte[] chain(byte[] b) {
    String link = CHAINS[random.nextInt(CHAINS.length)];
    int n = size(100_000);
    String head = random.nextBoolean() ? "x = a" : "f(a";
    String tail = head.startsWith("f") ? ")" : "";
    return insert(b, utf8("\n" + head + link.repeat(n) + tail + "\n"));
  }

  private byte[] deepIndent(byte[] b) {
    String block = BLOCKS[random.nextInt(BLOCKS.length)];
    int n = size(random.nextBoolean() ? 120 : 5_000);
    StringBuilder s = new StringBuilder("\n");
    String indent = random.nextInt(4) == 0 ? "\t" : " ";
    for (int i = 0; i < n; i++) {
      for (String line : block.split("\n")) {
        s.append(indent.repeat(i)).append(line).append('\n');
      }
    }
    s.append(indent.repeat(n)).append("pass\n");
    return insert(b, utf8(s.toString()));
  }

  private byte[] unclosed(byte[] b) {
    String[] opens = {"(", "[", "{", "\"\"\"", "'''", "f\"{", "'", "\""};
    return insert(b, utf8(opens[random.nextInt(opens.length)].repeat(size(1_000))));
  }

  private byte[] nuls(byte[] b) {
    return insert(b, new byte[size(random.nextBoolean() ? 16 : 200_000)]);
  }

  private byte[] encoding(byte[] b) {
    String[] cookies = {
      "# -*- coding: latin-1 -*-\n",
      "# coding: utf-16\n",
      "# coding=bogus\n",
      "# vim: set fileencoding=cp1252 :\n",
      "#!/usr/bin/env python\n# coding: ascii\n",
      "# coding: utf-8\n",
      "# coding: euc-jp\n",
      "\n\n# coding: latin-1\n"
    };
    return switch (random.nextInt(3)) {
      case 0 -> join(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, b);
      case 1 -> join(utf8(cookies[random.nextInt(cookies.length)]), b);
      default ->
          join(
              new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
              utf8(cookies[random.nextInt(cookies.length)]),
              b);
    };
  }

  private byte[] lineEnds(byte[] b) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    String to =
        switch (random.nextInt(3)) {
          case 0 -> "\r\n";
          case 1 -> "\r";
          default -> "\n\r";
        };
    return s.replace("\n", to).getBytes(StandardCharsets.ISO_8859_1);
  }

  private byte[] whitespace(byte[] b) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    return switch (random.nextInt(3)) {
      case 0 -> s.replace("    ", "\t").getBytes(StandardCharsets.ISO_8859_1);
      case 1 -> s.replace("\n    ", "\n\f    ").getBytes(StandardCharsets.ISO_8859_1);
      default -> s.replace("  ", " \t").getBytes(StandardCharsets.ISO_8859_1);
    };
  }

  private byte[] randomBytes(byte[] b) {
    byte[] r = new byte[size(4_096)];
    random.nextBytes(r);
    return insert(b, r);
  }

  private byte[] repeatLine(byte[] b) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    String[] lines = s.split("\n", -1);
    String line = lines[random.nextInt(lines.length)] + "\n";
    int n = size(50_000);
    StringBuilder out = new StringBuilder(s);
    for (int i = 0; i < n && out.length() < MAX_BYTES; i++) {
      out.append(line);
    }
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
