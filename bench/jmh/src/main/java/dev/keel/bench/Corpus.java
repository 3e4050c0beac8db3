package dev.keel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a benchmark reads, loaded into memory once: every {@code .py} file under the folder
 * named by {@code -Dkeel.corpus=DIR}, by default the standard library of {@code python3} on PATH.
 */
final class Corpus {
  final List<byte[]> files;
  final long bytes;
  final long lines;

  private Corpus(List<byte[]> files) {
    this.files = List.copyOf(files);
    long b = 0;
    long l = 0;
    for (byte[] f : files) {
      b += f.length;
      for (byte c : f) {
        if (c == '\n') {
          l++;
        }
      }
    }
    this.bytes = b;
    this.lines = l;
  }

  static Corpus load() {
    String dir = System.getProperty("keel.corpus");
    Path root = dir != null ? Path.of(dir) : pythonStdlib();
    List<byte[]> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p :
          s.filter(p -> p.toString().endsWith(".py"))
              .filter(p -> !p.toString().contains("site-packages"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList()) {
        files.add(Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Corpus c = new Corpus(files);
    System.err.printf(
        "corpus %s: %d files, %.1f MB, %d lines%n", root, files.size(), c.bytes / 1e6, c.lines);
    return c;
  }

  private static Path pythonStdlib() {
    try {
      Process p =
          new ProcessBuilder(
                  "python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      return Path.of(out);
    } catch (IOException e) {
      throw new UncheckedIOException("set -Dkeel.corpus=DIR: python3 is not there to ask", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
