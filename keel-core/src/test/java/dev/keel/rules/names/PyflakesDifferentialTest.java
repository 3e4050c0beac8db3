package dev.keel.rules.names;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.semantic.ModuleContext;
import dev.keel.semantic.NameIssue;
import dev.keel.semantic.PythonVersion;
import dev.keel.semantic.SemanticModel;
import dev.keel.testing.PythonTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Keel's names against pyflakes (pyflakes, found by {@link PythonTools}) over the python3.11
 * standard library: for each of NAM001-NAM004, the findings both report at the same file and line,
 * as precision and recall against pyflakes. The test reads the semantic model's issues, which keep
 * pyflakes' semantics; the rules then differ from pyflakes on purpose in three ways, each shown by
 * a fixture under {@code fixtures/names/} and left out of this comparison: explicit re-exports
 * ({@code import x as x}, NAM001_reexport.py), imports of an {@code __init__.py} that another
 * module takes from the package (UnusedImportProjectTest), and files that do not parse (left to
 * SYN001).
 *
 * <p>Unused imports are compared on the line where the import statement starts, which is where
 * pyflakes reports them (Keel points at the alias itself). Every disagreement must belong to one of
 * {@link #KNOWN_DIFFERENCES}; the run fails on one that does not, so a new class gets named here
 * with a fixture that shows who is right.
 */
@Tag("differential")
class PyflakesDifferentialTest {
  static final Optional<Path> FOUND_STDLIB = PythonTools.stdlib311();
  static final Path STDLIB = FOUND_STDLIB.orElse(Path.of("no-python3.11-stdlib"));
  static final Optional<String> FOUND_PYFLAKES = PythonTools.tool("pyflakes", "pyflakes3");
  static final String PYFLAKES = FOUND_PYFLAKES.orElse("pyflakes");

  /** A named class of disagreement, the fixture that settles it, and how to recognise it. */
  record Difference(String name, String fixture, BiPredicate<Key, String> matches) {}

  static final List<Difference> KNOWN_DIFFERENCES =
      List.of(
          new Difference(
              "pyflakes-only NAM001: __all__.extend([...]) and __all__.append('x') export the"
                  + " names they list; pyflakes reads only __all__ = and __all__ +=. Keel is right:"
                  + " `from m import *` takes those names.",
              "fixtures/names/NAM001_reexport.py",
              (key, text) ->
                  key.code().equals("NAM001")
                      && (text.contains("__all__.extend(") || text.contains("__all__.append("))));

  record Key(String path, int line, String code) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = path.compareTo(o.path);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(line, o.line);
      return c != 0 ? c : code.compareTo(o.code);
    }

    @Override
    public String toString() {
      return path + ":" + line + ": " + code;
    }
  }

  @Test
  void agreesWithPyflakesOnTheStandardLibrary() throws Exception {
    assumeTrue(
        FOUND_PYFLAKES.isPresent(),
        PythonTools.missing("pyflakes or pyflakes3") + " (apt-get install pyflakes3)");
    assumeTrue(
        FOUND_STDLIB.isPresent(),
        PythonTools.missing("python3.11 standard library") + " (or set -Dkeel.stdlib=DIR)");
    List<String> files;
    try (Stream<Path> s = Files.walk(STDLIB)) {
      files =
          s.filter(p -> p.toString().endsWith(".py"))
              .map(p -> STDLIB.relativize(p).toString())
              .filter(p -> !p.startsWith("site-packages/"))
              .sorted()
              .toList();
    }
    long t0 = System.nanoTime();
    Map<String, Set<Key>> keel = new ConcurrentHashMap<>();
    Set<String> unparsable = ConcurrentHashMap.newKeySet();
    files.parallelStream()
        .forEach(
            f -> {
              ParseResult parse;
              try {
                parse = PythonParser.parse(Files.readAllBytes(STDLIB.resolve(f)));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              if (!parse.ok()) {
                unparsable.add(f);
                return;
              }
              boolean init = f.endsWith("__init__.py");
              String module =
                  f.replaceAll("\\.py$", "").replaceAll("/__init__$", "").replace('/', '.');
              SemanticModel model =
                  SemanticModel.of(
                      parse, new ModuleContext(module, init, new PythonVersion(3, 11)));
              Set<Key> keys = new TreeSet<>();
              for (NameIssue i : model.issues()) {
                keys.add(new Key(f, parse.lines().line(i.anchor()), code(i.kind())));
              }
              keel.put(f, keys);
            });
    long keelNanos = System.nanoTime() - t0;
    Map<String, Set<Key>> pyflakes = runPyflakes(files);

    Map<String, int[]> counts = new TreeMap<>();
    StringBuilder diff = new StringBuilder();
    List<String> unexplained = new ArrayList<>();
    for (String f : files) {
      if (unparsable.contains(f) || !keel.containsKey(f)) {
        continue;
      }
      Set<Key> k = keel.get(f);
      Set<Key> p = pyflakes.getOrDefault(f, Set.of());
      for (String code : List.of("NAM001", "NAM002", "NAM003", "NAM004")) {
        int[] c = counts.computeIfAbsent(code, x -> new int[3]);
        for (Key key : k) {
          if (key.code().equals(code)) {
            if (p.contains(key)) {
              c[0]++;
            } else {
              c[1]++;
              diff.append("keel only     ").append(key).append(explain(key, unexplained));
            }
          }
        }
        for (Key key : p) {
          if (key.code().equals(code) && !k.contains(key)) {
            c[2]++;
            diff.append("pyflakes only ").append(key).append(explain(key, unexplained));
          }
        }
      }
    }
    Path report = Path.of("target/pyflakes-differential.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, diff.toString());
    StringBuilder summary = new StringBuilder();
    summary.append(
        String.format(
            "pyflakes differential over %d files (%d not parsed by both), keel %.2fs%n",
            files.size(), unparsable.size(), keelNanos / 1e9));
    boolean ok = true;
    for (var e : counts.entrySet()) {
      int[] c = e.getValue();
      double precision = c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
      double recall = c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]);
      summary.append(
          String.format(
              "  %s  both %4d  keel-only %3d  pyflakes-only %3d  precision %.4f  recall %.4f%n",
              e.getKey(), c[0], c[1], c[2], precision, recall));
      ok &= precision >= 0.98 && recall >= 0.98;
    }
    System.out.print(summary);
    System.out.print(diff);
    assertTrue(ok, summary + "\ndisagreements in " + report.toAbsolutePath());
    assertTrue(
        unexplained.isEmpty(),
        "disagreements that no known difference explains (name the class in KNOWN_DIFFERENCES,"
            + " with a fixture):\n"
            + String.join("\n", unexplained));
  }

  /** The known difference {@code key} belongs to, as a suffix for the report line. */
  private static String explain(Key key, List<String> unexplained) {
    String text;
    try {
      text = Files.readString(STDLIB.resolve(key.path()), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Difference d : KNOWN_DIFFERENCES) {
      if (d.matches().test(key, text)) {
        return "  (" + d.fixture() + ")\n";
      }
    }
    unexplained.add(key.toString());
    return "  (unexplained)\n";
  }

  static String code(NameIssue.Kind kind) {
    return switch (kind) {
      case UNUSED_IMPORT -> "NAM001";
      case UNDEFINED_NAME -> "NAM002";
      case UNUSED_VARIABLE -> "NAM003";
      case REDEFINED_UNUSED -> "NAM004";
    };
  }

  /** Runs pyflakes over all files, a few processes in parallel, and maps its messages. */
  static Map<String, Set<Key>> runPyflakes(List<String> files) throws Exception {
    int n = Math.max(1, Runtime.getRuntime().availableProcessors());
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      chunks.add(new ArrayList<>());
    }
    for (int i = 0; i < files.size(); i++) {
      chunks.get(i % n).add(files.get(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(n);
    Map<String, Set<Key>> out = new ConcurrentHashMap<>();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (List<String> chunk : chunks) {
        done.add(
            pool.submit(
                () -> {
                  List<String> cmd = new ArrayList<>();
                  cmd.add(PYFLAKES);
                  cmd.addAll(chunk);
                  Process p =
                      new ProcessBuilder(cmd)
                          .directory(STDLIB.toFile())
                          .redirectError(ProcessBuilder.Redirect.DISCARD)
                          .start();
                  String text =
                      new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                  p.waitFor();
                  for (String line : text.split("\n")) {
                    parsePyflakesLine(line, out);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return out;
  }

  private static void parsePyflakesLine(String line, Map<String, Set<Key>> out) {
    int a = line.indexOf(':');
    int b = a < 0 ? -1 : line.indexOf(':', a + 1);
    if (b < 0) {
      return;
    }
    int c = line.indexOf(": ", b);
    String message = c < 0 ? "" : line.substring(c + 2);
    String code;
    if (message.endsWith(" imported but unused")) {
      code = "NAM001";
    } else if (message.startsWith("undefined name ")) {
      code = "NAM002";
    } else if (message.startsWith("local variable ")
        && message.endsWith(" is assigned to but never used")) {
      code = "NAM003";
    } else if (message.startsWith("redefinition of unused ")) {
      code = "NAM004";
    } else {
      return;
    }
    String path = line.substring(0, a);
    if (path.startsWith("./")) {
      path = path.substring(2);
    }
    int lineNo;
    try {
      lineNo = Integer.parseInt(line.substring(a + 1, b));
    } catch (NumberFormatException e) {
      return;
    }
    out.computeIfAbsent(path, x -> ConcurrentHashMap.newKeySet()).add(new Key(path, lineNo, code));
  }
}
