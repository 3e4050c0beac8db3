package dev.keel.python.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.python.Decoded;
import dev.keel.python.LineIndex;
import dev.keel.python.SourceDecoder;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compares our token stream with CPython's on every {@code .py} file of the standard library of a
 * Python 3.12 or later found on this machine. Skipped, visibly, when there is none.
 */
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
    Path python = PythonFinder.find();
    assumeTrue(
        python != null,
        "no python >= 3.12 found (tried python3.13, python3.12 on PATH and /root/.pyenv/versions);"
            + " differential tokenizer test skipped");
    Path stdlib =
        Path.of(
            PythonFinder.run(python, "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
                .strip());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(stdlib)) {
      files =
          walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))
              .sorted()
              .toList();
    }
    assumeTrue(!files.isEmpty(), "no .py files under " + stdlib);

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

    int compared = 0;
    int matching = 0;
    int rejectedByBoth = 0;
    List<String> failures = new ArrayList<>();
    Map<String, String> knownSeen = new HashMap<>();
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
          compared++;
          String relative = stdlib.relativize(Path.of(file)).toString();
          Outcome o = compare(Path.of(file), expected, tokenizeError, parseError);
          if (o.problem == null) {
            if (o.rejected) {
              rejectedByBoth++;
            } else {
              matching++;
            }
          } else if (KNOWN_DIFFERENCES.containsKey(relative)) {
            knownSeen.put(relative, o.problem);
          } else {
            failures.add(relative + ": " + o.problem);
          }
        } else {
          expected.add(line);
        }
      }
    }
    writer.join();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python helper did not finish");
    System.out.printf(
        "Tokenizer differential vs %s: %d files compared, %d matching, %d rejected by both,"
            + " %d known differences, %d failures%n",
        python, compared, matching, rejectedByBoth, knownSeen.size(), failures.size());
    knownSeen.forEach((f, p) -> System.out.println("  known difference " + f + ": " + p));
    failures.stream().limit(40).forEach(f -> System.out.println("  FAIL " + f));
    assertEquals(files.size(), compared, "every file must be compared");
    assertEquals(List.of(), failures.stream().limit(40).toList());
  }

  private record Outcome(String problem, boolean rejected) {}

  private static Outcome compare(
      Path file, List<String> expected, String tokenizeError, String parseError)
      throws IOException {
    Decoded decoded = SourceDecoder.decode(Files.readAllBytes(file));
    Tokens tokens = Tokenizer.tokenize(decoded.text());
    boolean weReject = decoded.error().isPresent() || !tokens.errors().isEmpty();
    String ourFirst =
        decoded.error().isPresent()
            ? decoded.error().get().message()
            : tokens.errors().isEmpty() ? null : tokens.errors().get(0).message();
    if (tokenizeError != null) {
      return weReject
          ? new Outcome(null, true)
          : new Outcome("CPython rejects (" + tokenizeError + "), we accept", false);
    }
    List<String> ours = render(decoded.text(), tokens);
    if (weReject) {
      if (parseError != null && parseError.endsWith(": " + ourFirst)) {
        return new Outcome(null, true);
      }
      return new Outcome(
          "we reject ("
              + ourFirst
              + "), CPython "
              + (parseError == null ? "accepts" : "says " + parseError),
          false);
    }
    for (int i = 0; i < Math.max(ours.size(), expected.size()); i++) {
      String a = i < expected.size() ? expected.get(i) : "<none>";
      String b = i < ours.size() ? ours.get(i) : "<none>";
      if (!a.equals(b)) {
        return new Outcome("token " + i + ": CPython " + a + ", ours " + b, false);
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
          el = sl;
          ec = sc + 1;
        }
      }
      out.add(t.kind() + " " + sl + " " + sc + " " + el + " " + ec);
    }
    return out;
  }
}
