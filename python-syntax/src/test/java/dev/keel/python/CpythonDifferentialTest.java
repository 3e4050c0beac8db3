package dev.keel.python;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.python.source.SyntaxError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The parser's truth is CPython's own {@code ast} module: for every file of a corpus, our dump must
 * equal {@code ast.dump(ast.parse(src), include_attributes=True, show_empty=True)} as CPython 3.13
 * prints it, and every file CPython rejects must be rejected. Skipped, with a message saying so,
 * where no Python 3.13 or newer is installed.
 */
@Tag("differential")
class CpythonDifferentialTest {
  private static final Path REPORTS = Path.of("target", "differential");

  /** Counts for one corpus. */
  record Tally(int files, int identical, int bothReject, List<String> mismatches) {}

  @Test
  void everyFileOfTheStandardLibraryParsesAsCpythonParsesIt() throws Exception {
    String oracle = oracle();
    Path stdlib = Path.of(ReferencePython.run(oracle, STDLIB).orElseThrow().strip());
    Tally t = compare(oracle, pythonFiles(stdlib), "stdlib");
    assertClean(t, "standard library of " + oracle + " (" + stdlib + ")");
  }

  @Test
  void everyFileOfThirdPartyPackagesParsesAsCpythonParsesIt() throws Exception {
    String oracle = oracle();
    Optional<String> py311 = ReferencePython.exactly(3, 11);
    assumeTrue(
        py311.isPresent(),
        ReferencePython.missing("python3.11") + " whose site-packages to use as corpus");
    Path site = Path.of(ReferencePython.run(py311.get(), PURELIB).orElseThrow().strip());
    assumeTrue(Files.isDirectory(site), "SKIPPED: " + site + " does not exist");
    Tally t = compare(oracle, pythonFiles(site), "site-packages");
    assertClean(t, "site-packages of " + py311.get() + " (" + site + ")");
  }

  private static final String STDLIB = "import sysconfig; print(sysconfig.get_paths()['stdlib'])";
  private static final String PURELIB = "import sysconfig; print(sysconfig.get_paths()['purelib'])";

  private static String oracle() {
    Optional<String> python = ReferencePython.atLeast(3, 13);
    assumeTrue(python.isPresent(), ReferencePython.missing("Python >= 3.13"));
    return python.get();
  }

  private static List<Path> pythonFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".py"))
          .filter(Files::isRegularFile)
          .filter(p -> !root.relativize(p).toString().contains("site-packages"))
          .sorted()
          .toList();
    }
  }

  private static Tally compare(String python, List<Path> files, String name) throws Exception {
    Path script = Files.createTempFile("keel-ast-dump", ".py");
    try (InputStream in =
        CpythonDifferentialTest.class.getResourceAsStream("/differential/ast_dump.py")) {
      Files.write(script, in.readAllBytes());
    }
    Process p =
        new ProcessBuilder(python, script.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Thread feeder =
        new Thread(
            () -> {
              try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                for (Path f : files) {
                  w.write(f.toString());
                  w.write('\n');
                }
              } catch (IOException e) {
                // the reader below reports the short output
              }
            });
    feeder.start();
    int identical = 0;
    int bothReject = 0;
    List<String> mismatches = new ArrayList<>();
    int seen = 0;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 20)) {
      String header;
      while ((header = r.readLine()) != null) {
        String expected = r.readLine();
        if (!header.startsWith("== ") || expected == null) {
          throw new IllegalStateException("unexpected oracle output: " + header);
        }
        seen++;
        Path file = Path.of(header.substring(3));
        ParseResult ours = PythonParser.parse(Files.readAllBytes(file));
        if (expected.startsWith("SyntaxError: ")) {
          if (!ours.errors().isEmpty()) {
            bothReject++;
          } else {
            mismatches.add(file + ": CPython rejects (" + expected + "), Keel accepts");
          }
        } else if (!ours.errors().isEmpty()) {
          SyntaxError e = ours.errors().get(0);
          mismatches.add(
              file
                  + ": Keel rejects at line "
                  + ours.lines().line(e.start())
                  + ": "
                  + e.message()
                  + "; CPython accepts");
        } else {
          String dump = AstDump.dump(ours);
          if (dump.equals(expected)) {
            identical++;
          } else {
            mismatches.add(file + ": dumps differ " + firstDifference(expected, dump));
          }
        }
      }
    }
    feeder.join();
    p.waitFor();
    if (seen != files.size()) {
      throw new IllegalStateException(
          "oracle answered for " + seen + " of " + files.size() + " files");
    }
    Files.createDirectories(REPORTS);
    Files.write(REPORTS.resolve(name + ".txt"), mismatches, StandardCharsets.UTF_8);
    Tally t = new Tally(files.size(), identical, bothReject, mismatches);
    System.out.printf(
        "differential %s: %d files, %d identical dumps, %d rejected by both, %d mismatches%n",
        name, t.files(), t.identical(), t.bothReject(), mismatches.size());
    return t;
  }

  private static String firstDifference(String expected, String actual) {
    int i = 0;
    int n = Math.min(expected.length(), actual.length());
    while (i < n && expected.charAt(i) == actual.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 80);
    return "at char "
        + i
        + ": CPython ..."
        + expected.substring(from, Math.min(expected.length(), i + 80))
        + " | Keel ..."
        + actual.substring(from, Math.min(actual.length(), i + 80));
  }

  private static void assertClean(Tally t, String corpus) {
    assertTrue(
        t.mismatches().isEmpty(),
        t.mismatches().size()
            + " of "
            + t.files()
            + " files of the "
            + corpus
            + " disagree with CPython (all in target/differential); first: "
            + String.join("\n", t.mismatches().subList(0, Math.min(5, t.mismatches().size()))));
  }
}
