package dev.keel.python.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finds a CPython 3.12 or later to compare against; null when there is none. */
final class PythonFinder {
  private PythonFinder() {}

  private static Path found;
  private static boolean searched;

  static synchronized Path find() {
    if (searched) {
      return found;
    }
    searched = true;
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String name : List.of("python3.13", "python3.12")) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
          candidates.add(Path.of(dir, name));
        }
      }
    }
    for (String glob : List.of("3.13", "3.12")) {
      Path versions = Path.of("/root/.pyenv/versions");
      if (Files.isDirectory(versions)) {
        try (Stream<Path> s = Files.list(versions)) {
          s.filter(p -> p.getFileName().toString().startsWith(glob))
              .sorted()
              .forEach(p -> candidates.add(p.resolve("bin/python3")));
        } catch (IOException e) {
          // not readable: try the next place
        }
      }
    }
    for (Path p : candidates) {
      if (Files.isExecutable(p)) {
        try {
          // pyenv shims exist on PATH even when they cannot run that version: ask it.
          if (run(p, "import sys; print(sys.version_info >= (3, 12))").strip().equals("True")) {
            found = p;
            return found;
          }
        } catch (IOException | RuntimeException e) {
          // not a working python
        }
      }
    }
    return null;
  }

  static String run(Path python, String code) throws IOException {
    Process p = new ProcessBuilder(python.toString(), "-c", code).redirectErrorStream(true).start();
    try {
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("python failed: " + new String(out, StandardCharsets.UTF_8));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
