package dev.keel.fuzz;

import dev.keel.testing.PythonTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the fuzzer mutates: the Python fixtures of this repository, some small files of the standard
 * library when python 3.11's is on the machine, and small versions of the hostile inputs of issue
 * 10 (mutations make them long).
 */
final class Seeds {
  private Seeds() {}

  static List<byte[]> all() {
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/fixtures"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
        out.add(Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PythonTools.stdlib311()
        .ifPresent(
            lib -> {
              try (Stream<Path> s = Files.list(lib)) {
                List<Path> small =
                    s.filter(f -> f.toString().endsWith(".py"))
                        .filter(f -> f.toFile().length() < 40_000)
                        .sorted()
                        .toList();
                // Every third one: a spread of styles, few enough to load in no time.
                for (int i = 0; i < small.size(); i += 3) {
                  out.add(Files.readAllBytes(small.get(i)));
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    for (String h : HOSTILE) {
      out.add(h.getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The hostile inputs of issue 10, small: the mutations repeat and nest them. */
  static final List<String> HOSTILE =
      List.of(
          "x = " + "(".repeat(50) + ")".repeat(50) + "\n",
          "x = " + "(".repeat(50) + "\n",
          "x = " + "[".repeat(30) + "]".repeat(30) + "\n",
          "x = " + "{1:".repeat(20) + "1" + "}".repeat(20) + "\n",
          "f(" + "a0, ".repeat(200) + ")\n",
          "a" + " < a".repeat(200) + "\n",
          "with " + "a, ".repeat(100) + "b:\n    pass\n",
          "\0".repeat(100),
          "$".repeat(200) + "\n",
          "x = 1" + "+1".repeat(500) + "\n",
          "a" + ".b".repeat(500) + "\n",
          "f" + "()".repeat(300) + "\n",
          "a" + "[0]".repeat(300) + "\n",
          "def f(name):\n    try:\n" + "        found = getattr:\n".repeat(100),
          "def f(name):\n    try:\n"
              + "        found = getattr\n".repeat(100)
              + "    except E:\n        pass\n",
          "if a:\n    x = 1\n" + "elif a:\n    x = 1\n".repeat(100),
          "__all__ = []\n" + "__all__ += ['a']\n".repeat(100),
          "import m1; import m2; import m3; import m4; import m5\n",
          "x = 1\n".repeat(1000));
}
