package dev.keel.python.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.python.Decoded;
import dev.keel.python.ReferencePython;
import dev.keel.python.SourceDecoder;
import dev.keel.python.source.LineIndex;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Compares our token stream with CPython's on every {@code .py} file of the standard library of a
 * Python 3.12 or later found on this machine. Skipped, visibly, when there is none.
 */
@Tag("differential")
class TokenizerDifferentialTest {

  /**
   * Files where we knowingly differ from CPython, by path under the standard library, with the
   * reason. Empty: there is none at present. Note that the {@code tokenize} module runs the C
   * tokenizer in a lenient mode (it checks neither identifiers, number endings nor bracket
   * matching); the parser runs it strictly, and so do we. Where tokenize accepts a file and we do
   * not, the file still counts as rejected by both when {@code ast.parse} gives our message.
   */
  private static final Map<String, String> KNOWN_DIFFERENCES = Map.of();

  @Test
  void standardLibraryTokensMatchCPython() throws Exception {
    Path python = requirePython();
    Path stdlib =
        Path.of(
            ReferencePython.run(
                    python.toString(), "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
                .orElseThrow()
                .strip());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(stdlib)) {
      files =
          walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))
              .sorted()
              .toList();
    }
    assumeTrue(!files.isEmpty(), "no .py files under " + stdlib);
    Stats stats = compareWithCPython(python, stdlib, files, true);
    stats.print("standard library of " + python);
    assertEquals(files.size(), stats.compared, "every file must be compared");
    assertEquals(List.of(), stats.failures.stream().limit(40).toList());
  }

  /**
   * Small programs full of f-strings, brackets, numbers and indentation, randomly mutated (a fixed
   * seed, so the run is repeatable): valid ones must tokenize exactly like CPython, and whatever
   * CPython's tokenizer rejects we must reject too. No t-strings: CPython before 3.14 reads {@code
   * t'x'} as a name and a string.
   */
  @Test
  void mutatedSnippetsMatchCPython() throws Exception {
    Path python = requirePython();
    String[] seeds = {
      "x = f\"a{{b}}c{x!r:>{w}.{p}} {y=} \u00e9{z:%Y-%m}\"\n",
      "t = f'''ab\n{x\n+ 1}cd{{'''\n",
      "u = rb'x' f\"{'a' \"b\"}\" f\"{x:{{}}>10}\"\n",
      "if x:\n    y = 0x1F + 1_000 * 2.5e-3j\n\tz = [1,\n  2]\nw = '''a\nb'''\n",
      "def f(a, /, b=0o17, *c, **d) -> int:\n    return a @ b // c ** 2 >> 1\n",
      "s = f'{x:{y:{z}}}' + f'{a!s}' + f'{b=!r:^10}' + f'\\N{BULLET}{c}'\n",
      "x = (1 +\n     2)  # comment\ny = x \\\n  + 1\n",
      "f'{x:=10}' f'{(x:=10)}' f'{x!=y}' f'{ {1:2}[1] }' f'{[1][0]}'\n",
      "rf'\\{x}' fr\"{x}\\d\" f'{x}' F'{x}' Rf'{x}'\n",
      "f'''{\n  x  # the x\n}'''\nf\"{'''a\nb'''}\"\n",
      "class A:\n  def f(self):\n    if x:\n      pass\n  y = 1\n",
      "0 00 1. .5 1e5 1j 0xA 0b1 1_0 1__0 0777 09.5 1if x else 2\n",
      "b = f\"\"\"{\n  f'{1}'  # c\n}{{x}}\\{y}\"\"\" rf'{a}\\n{{' fR''\n",
      "c = f'\\N{DASH}\\{{x}}' f'{x:\\n}' f'{x!r:{y!s}}' f'{a:{b:{c}}}'\n",
    };
    String alphabet = "'\"{}()[]:!=\\#\n\t fbrRFu0_.e1x=+*%<>@~^|&;,\u00e9\r\f";
    Random random = new Random(20261123);
    Path dir = Files.createTempDirectory("keel-tokenizer-fuzz");
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder(seeds[random.nextInt(seeds.length)]);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits && sb.length() > 0; e++) {
        int at = random.nextInt(sb.length());
        double op = random.nextDouble();
        if (op < 0.45) {
          // A lone \r is a line break for the parser (and us) but not for the tokenize module,
          // which reads lines split at \n only: insert \r\n instead.
          char c = alphabet.charAt(random.nextInt(alphabet.length()));
          sb.insert(at, c == '\r' ? "\r\n" : String.valueOf(c));
        } else if (op < 0.9) {
          sb.deleteCharAt(at);
        } else {
          sb.insert(at, sb.substring(at, Math.min(sb.length(), at + 1 + random.nextInt(6))));
        }
      }
      Path f = dir.resolve(String.format("m%05d.py", i));
      Files.writeString(f, sb.toString());
      files.add(f);
    }
    Stats stats = compareWithCPython(python, dir, files, false);
    stats.print(files.size() + " mutated snippets");
    assertEquals(files.size(), stats.compared, "every snippet must be compared");
    assertEquals(List.of(), stats.failures.stream().limit(20).toList());
  }

  /**
   * Opt-in: {@code -Dkeel.tokenizer.roots=/dir/a,/dir/b} compares every {@code .py} file under
   * those directories too (other Pythons' standard libraries, site-packages, Python 2 code).
   */
  @Test
  void extraDirectoriesMatchCPython() throws Exception {
    String roots = System.getProperty("keel.tokenizer.roots", "");
    assumeTrue(!roots.isBlank(), "set -Dkeel.tokenizer.roots=dir,dir to compare more files");
    Path python = requirePython();
    for (String root : roots.split(",")) {
      Path dir = Path.of(root.strip());
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files =
            walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))
                .sorted()
                .toList();
      }
      Stats stats = compareWithCPython(python, dir, files, true);
      stats.print(dir.toString());
      assertEquals(List.of(), stats.failures.stream().limit(40).toList());
    }
  }

  private static Path requirePython() {
    Path python = ReferencePython.atLeast(3, 12).map(Path::of).orElse(null);
    assumeTrue(
        python != null,
        ReferencePython.missing("python >= 3.12") + ": differential tokenizer test skipped");
    return python;
  }

  private static final class Stats {
    int compared;
    int matching;
    int rejectedByBoth;
    final List<String> failures = new ArrayList<>();
    final Map<String, String> knownSeen = new HashMap<>();

    void print(String what) {
      System.out.printf(
          "Tokenizer differential, %s: %d files compared, %d matching, %d rejected by both,"
              + " %d known differences, %d failures%n",
          what, compared, matching, rejectedByBoth, knownSeen.size(), failures.size());
      knownSeen.forEach((f, p) -> System.out.println("  known difference " + f + ": " + p));
      failures.stream().limit(40).forEach(f -> System.out.println("  FAIL " + f));
    }
  }

  /** Runs the helper once over all {@code files} and compares each with our tokens. */
  private Stats compareWithCPython(Path python, Path root, List<Path> files, boolean sameMessage)
      throws Exception {
    Path helper = Files.createTempFile("cpython_tokens", ".py");
    try (InputStream in = getClass().getResourceAsStream("/tokenizer/cpython_tokens.py")) {
      Files.write(helper, in.readAllBytes());
    }
    Process process =
        new ProcessBuilder(python.toString(), helper.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Thread writer =
        new Thread(
            () -> {
              try (BufferedWriter w =
                  new BufferedWriter(
                      new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8))) {
                for (Path f : files) {
                  w.write(f.toString());
                  w.write('\n');
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    writer.start();
    Stats stats = new Stats();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      String file = null;
      List<String> expected = new ArrayList<>();
      String tokenizeError = null;
      String parseError = null;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("F ")) {
          file = line.substring(2);
          expected.clear();
          tokenizeError = null;
          parseError = null;
        } else if (line.startsWith("E ")) {
          tokenizeError = line.substring(2);
        } else if (line.startsWith("P ")) {
          parseError = line.substring(2);
        } else if (line.equals(".")) {
          stats.compared++;
          String relative = root.relativize(Path.of(file)).toString();
          Outcome o = compare(Path.of(file), expected, tokenizeError, parseError, sameMessage);
          if (o.known != null) {
            stats.knownSeen.put(relative, o.known);
          } else if (o.problem == null) {
            if (o.rejected) {
              stats.rejectedByBoth++;
            } else {
              stats.matching++;
            }
          } else if (KNOWN_DIFFERENCES.containsKey(relative)) {
            stats.knownSeen.put(relative, o.problem);
          } else {
            stats.failures.add(relative + ": " + o.problem);
          }
        } else {
          expected.add(line);
        }
      }
    }
    writer.join();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python helper did not finish");
    return stats;
  }

  private record Outcome(String problem, boolean rejected, String known) {
    Outcome(String problem, boolean rejected) {
      this(problem, rejected, null);
    }
  }

  private static final String CR_LF_IN_FORMAT_SPEC =
      "a \\r\\n ends the format spec of a single-quoted f-string: tokenize reads lines that are"
          + " not newline-translated and keeps the \\r in the FSTRING_MIDDLE; the parser's"
          + " tokenizer (newline-translated input) and ours end the middle before the line break";

  /** The one difference the mutated snippets meet: see {@link #CR_LF_IN_FORMAT_SPEC}. */
  private static boolean crLfEndsFormatSpec(String text, String theirs, String ours) {
    String[] a = theirs.split(" ");
    String[] b = ours.split(" ");
    return text.contains("\r\n")
        && a[0].equals("FSTRING_MIDDLE")
        && b[0].equals("FSTRING_MIDDLE")
        && a[1].equals(b[1])
        && a[2].equals(b[2])
        && a[3].equals(b[3])
        && Integer.parseInt(a[4]) == Integer.parseInt(b[4]) + 1;
  }

  private static String decodedText(Path file) throws IOException {
    return SourceDecoder.decode(Files.readAllBytes(file)).text();
  }

  /**
   * Compares one file. With {@code sameMessage}, a file both reject must also get CPython's message
   * from us (our first error is then the one {@code ast.parse} reports); without, CPython's parser
   * may legitimately stop at an earlier error than the one our tokenizer finds.
   */
  private static Outcome compare(
      Path file,
      List<String> expected,
      String tokenizeError,
      String parseError,
      boolean sameMessage)
      throws IOException {
    Decoded decoded = SourceDecoder.decode(Files.readAllBytes(file));
    Tokens tokens = Tokenizer.tokenize(decoded.text());
    boolean weReject = decoded.error().isPresent() || !tokens.errors().isEmpty();
    String ourFirst =
        decoded.error().isPresent()
            ? decoded.error().get().message()
            : tokens.errors().isEmpty() ? null : tokens.errors().get(0).message();
    if (tokenizeError != null || (weReject && parseError != null)) {
      if (!weReject) {
        return new Outcome("CPython rejects (" + tokenizeError + "), we accept", false);
      }
      if (sameMessage && (parseError == null || !parseError.endsWith(": " + ourFirst))) {
        return new Outcome("we say " + ourFirst + ", CPython says " + parseError, false);
      }
      return new Outcome(null, true);
    }
    if (weReject) {
      return new Outcome("we reject (" + ourFirst + "), CPython accepts", false);
    }
    List<String> ours = render(decoded.text(), tokens);
    for (int i = 0; i < Math.max(ours.size(), expected.size()); i++) {
      String a = i < expected.size() ? expected.get(i) : "<none>";
      String b = i < ours.size() ? ours.get(i) : "<none>";
      if (!a.equals(b)) {
        String problem = "token " + i + ": CPython " + a + ", ours " + b;
        if (crLfEndsFormatSpec(decodedText(file), a, b)) {
          return new Outcome(null, false, CR_LF_IN_FORMAT_SPEC + " (" + problem + ")");
        }
        return new Outcome(problem, false);
      }
    }
    return new Outcome(null, false);
  }

  /** Our tokens in the helper's format: kind, start line and column, end line and column. */
  static List<String> render(String text, Tokens tokens) {
    LineIndex index = new LineIndex(text);
    int n = text.length();
    boolean endsWithBreak = n == 0 || (text.charAt(n - 1) == '\n' || text.charAt(n - 1) == '\r');
    List<String> out = new ArrayList<>(tokens.tokens().size());
    for (Token t : tokens.tokens()) {
      int sl;
      int sc;
      int el;
      int ec;
      if (t.start() == n
          && !endsWithBreak
          && (t.kind() == TokenKind.DEDENT || t.kind() == TokenKind.ENDMARKER)) {
        // CPython puts the tokens after its implicit final newline on the next line.
        sl = index.line(n) + 1;
        sc = 0;
        el = sl;
        ec = 0;
      } else {
        sl = index.line(t.start());
        sc = index.column(t.start());
        el = index.line(t.end());
        ec = index.column(t.end());
        if (t.kind() == TokenKind.NEWLINE) {
          // tokenize shows the line break on its own line: \r\n is two columns wide.
          el = sl;
          ec = sc + Math.max(1, t.end() - t.start());
        }
      }
      out.add(t.kind() + " " + sl + " " + sc + " " + el + " " + ec);
    }
    return out;
  }
}
