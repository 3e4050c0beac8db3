package dev.keel.python.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.python.Decoded;
import dev.keel.python.ReferencePython;
import dev.keel.python.SourceDecoder;
import dev.keel.python.source.LineIndex;
import dev.keel.python.source.SyntaxError;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Feeds invalid snippets to CPython's {@code ast.parse} and to us, and compares the first error:
 * its class, message, line and column. Skipped, visibly, when no python 3.12 or later is found.
 */
@Tag("differential")
class TokenizerErrorsDifferentialTest {

  /**
   * Where we knowingly put the error somewhere else on the line than CPython, with the reason;
   * message and line must still match.
   */
  static final java.util.Map<String, String> OTHER_COLUMN =
      java.util.Map.of(
          "if x:\n    a\n  b\n",
          "CPython points past the end of the badly indented line; we point at its first token",
          "f'{x:{y:{z:{w}}}}'\n",
          "CPython points before the '{' that nests too deeply; we point at it");

  /** Sources whose first error CPython's tokenizer reports (not its parser). */
  static final List<String> CASES =
      List.of(
          "x = '''abc\ndef\n",
          "x = '''abc\ndef",
          "x = 'abc\ny=1\n",
          "x = 'ab\\'\n",
          "x = 'abc",
          "'''\n",
          "f'''\n",
          "f'abc\n",
          "f'abc{x}\n",
          "f\"{x\"\n",
          "f'{'\n",
          "x = (\n1\n",
          "x = [1, (2,\n3]\n",
          "x = (]\n",
          "x = (\n]\n",
          ")\n",
          "x = 1)\n",
          "if x:\n    a\n  b\n",
          "if x:\n\ta\n        b\n",
          "if x:\n        a\n\tb\n",
          "x = 1 \\ y\n",
          "x = 1 + \\",
          "0777\n",
          "00777\n",
          "1__0\n",
          "1_\n",
          "1_a\n",
          "1abc\n",
          "0x\n",
          "0x_\n",
          "0xg\n",
          "0o8\n",
          "0o\n",
          "0b2\n",
          "0b\n",
          "0b1_\n",
          "1e\n",
          "1e+\n",
          "1.5e-x\n",
          "1.__class__\n",
          "1jx\n",
          "0_\n",
          "0_a\n",
          "a \u20ac b\n",
          "\u20ac = 1\n",
          "a\u00a0b\n",
          "x = \u00a0\n",
          "x\u200b = 1\n",
          "x\u0001\n",
          "x = 1\u000b\n",
          "f'a}b'\n",
          "f'{a)}'\n",
          "f'{a]}'\n",
          "f'{x:{y:{z:{w}}}}'\n",
          "(".repeat(201) + ")".repeat(201) + "\n",
          "x = \"\"\"abc\n\n\n",
          "def f():\n\tif x:\n        pass\n",
          "x = '\u00e9\n",
          "# coding: xyz\nx = 1\n",
          "\ufeff# coding: latin-1\nx = 1\n",
          "f'{x!r'\n",
          "f'''{x\n",
          "rb'abc\n",
          "x = 1\n\\\n",
          "f'{x # c}'\n",
          "f'{x\n",
          "f'''{x\n",
          "x = f'{a:{b'\n",
          "0b1_2\n",
          "0o1_8\n",
          "1e_1\n",
          "1_e1\n",
          "0x1_g\n",
          "1.5_\n",
          "1.5e1_\n",
          "0_7\n",
          "0__1\n",
          "x = 'a\\\n",
          "'''abc\\'''\n",
          "if x:\n  \tpass\n\tpass\n",
          "x = [\n1,\n2\n",
          "f'{x:{y!r}{'\n",
          "f'{x}}'\n",
          "f'{{}'\n",
          "f'}'\n",
          "f'{1:}}'\n",
          "u'''\n\n",
          "x = 1e+\n",
          "1 if 1else 0\n",
          "[1 for x in y if 1_\n");

  @Test
  void firstErrorMatchesCPython() throws Exception {
    Path python = ReferencePython.atLeast(3, 12).map(Path::of).orElse(null);
    assumeTrue(
        python != null,
        ReferencePython.missing("python >= 3.12") + ": differential tokenizer error test skipped");
    Path helper = Files.createTempFile("cpython_errors", ".py");
    try (InputStream in = getClass().getResourceAsStream("/tokenizer/cpython_errors.py")) {
      Files.write(helper, in.readAllBytes());
    }
    Process process = new ProcessBuilder(python.toString(), helper.toString()).start();
    try (OutputStream out = process.getOutputStream()) {
      for (String c : CASES) {
        out.write((HexFormat.of().formatHex(c.getBytes(StandardCharsets.UTF_8)) + "\n").getBytes());
      }
    }
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String c : CASES) {
        String line = r.readLine();
        String[] f = line.split("\t");
        String theirs = f.length < 5 ? line : f[1] + ": " + f[2] + " @" + f[3] + ":" + f[4];
        String mine = ours(c);
        if (OTHER_COLUMN.containsKey(c)) {
          theirs = theirs.replaceAll(":-?\\d+$", ":*");
          mine = mine.replaceAll(":-?\\d+$", ":*");
        }
        expected.add(show(c) + " -> " + theirs);
        actual.add(show(c) + " -> " + mine);
      }
    }
    process.waitFor();
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        mismatches.add("CPython " + expected.get(i) + "\n   ours " + actual.get(i));
      }
    }
    mismatches.forEach(System.out::println);
    assertEquals(List.of(), mismatches);
  }

  /**
   * Random bad UTF-8 bytes put into small programs (a fixed seed): when either side reports a UTF-8
   * decoding error, both must report the same one. CPython raises a bare UnicodeDecodeError, not a
   * SyntaxError, for bad bytes in an f-string's literal part; the "(unicode error) " prefix is
   * therefore not compared.
   */
  @Test
  void badUtf8BytesGiveCPythonsMessage() throws Exception {
    Path python = ReferencePython.atLeast(3, 12).map(Path::of).orElse(null);
    assumeTrue(
        python != null,
        ReferencePython.missing("python >= 3.12") + ": differential decoder test skipped");
    String[] seeds = {
      "x = 'abc' + \"def\"  # comment\n",
      "s = '''doc\nmore'''\nname = 1\n",
      "f'{x}abc' + b'xy'\n",
      "def f(a):\n    return a  # c\n",
    };
    byte[] high = {
      (byte) 0xff,
      (byte) 0xe9,
      (byte) 0xc3,
      (byte) 0xed,
      (byte) 0xa0,
      (byte) 0x80,
      (byte) 0xe2,
      (byte) 0x82
    };
    Random random = new Random(5);
    List<byte[]> cases = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      byte[] s = seeds[random.nextInt(seeds.length)].getBytes(StandardCharsets.UTF_8);
      int inserts = 1 + random.nextInt(2);
      for (int j = 0; j < inserts; j++) {
        int at = random.nextInt(s.length);
        byte[] t = new byte[s.length + 1];
        System.arraycopy(s, 0, t, 0, at);
        t[at] = high[random.nextInt(high.length)];
        System.arraycopy(s, at, t, at + 1, s.length - at);
        s = t;
      }
      cases.add(s);
    }
    Path helper = Files.createTempFile("cpython_errors", ".py");
    try (InputStream in = getClass().getResourceAsStream("/tokenizer/cpython_errors.py")) {
      Files.write(helper, in.readAllBytes());
    }
    Process process = new ProcessBuilder(python.toString(), helper.toString()).start();
    try (OutputStream out = process.getOutputStream()) {
      for (byte[] c : cases) {
        out.write((HexFormat.of().formatHex(c) + "\n").getBytes(StandardCharsets.US_ASCII));
      }
    }
    int compared = 0;
    List<String> mismatches = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (byte[] c : cases) {
        String line = r.readLine();
        String theirs = line.startsWith("ERR") ? line.split("\t")[2] : "OK";
        String ours = SourceDecoder.decode(c).error().map(SyntaxError::message).orElse("OK");
        if (theirs.contains("codec can't decode") || ours.contains("codec can't decode")) {
          compared++;
          theirs = theirs.replace("(unicode error) ", "");
          ours = ours.replace("(unicode error) ", "");
          if (!theirs.equals(ours)) {
            mismatches.add(HexFormat.of().formatHex(c) + ": CPython " + theirs + ", ours " + ours);
          }
        }
      }
    }
    process.waitFor();
    System.out.printf(
        "Decoder differential: %d of %d byte-mutated programs hit a UTF-8 error, %d differ%n",
        compared, cases.size(), mismatches.size());
    assertEquals(List.of(), mismatches);
    assertTrue(compared > 100, "the mutations should hit decoding errors");
  }

  private static String show(String source) {
    String s = source.length() > 40 ? source.substring(0, 40) + "..." : source;
    return s.replace("\n", "\\n").replace("\t", "\\t");
  }

  /** Our first error in the shape the helper prints: class, message, line and 1-based column. */
  static String ours(String source) {
    Decoded decoded = SourceDecoder.decode(source.getBytes(StandardCharsets.UTF_8));
    SyntaxError e = decoded.error().orElse(null);
    if (e != null) {
      return e.kind() + ": " + e.message() + " @0:-1";
    }
    Tokens tokens = Tokenizer.tokenize(decoded.text());
    if (tokens.errors().isEmpty()) {
      return "OK";
    }
    e = tokens.errors().get(0);
    LineIndex index = new LineIndex(decoded.text());
    return e.kind()
        + ": "
        + e.message()
        + " @"
        + index.line(e.start())
        + ":"
        + (index.column(e.start()) + 1);
  }
}
