package dev.keel.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finds the CPython interpreters the differential tests use as their oracle. */
final class ReferencePython {
  private ReferencePython() {}

  /**
   * A python of at least {@code major.minor}: {@code $KEEL_PYTHON} if set, then {@code pythonX.Y}
   * on PATH for the wanted and newer versions, then pyenv's versions folder.
   */
  static Optional<String> atLeast(int major, int minor) {
    List<String> candidates = new ArrayList<>();
    String env = System.getenv("KEEL_PYTHON");
    if (env != null && !env.isBlank()) {
      candidates.add(env);
    }
    for (int m = 20; m >= minor; m--) {
      candidates.add("python" + major + "." + m);
    }
    Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
    if (Files.isDirectory(pyenv)) {
      try (Stream<Path> s = Files.list(pyenv)) {
        s.sorted().map(p -> p.resolve("bin/python3").toString()).forEach(candidates::add);
      } catch (IOException e) {
        // no pyenv versions to offer
      }
    }
    candidates.add("python3");
    for (String c : candidates) {
      Optional<int[]> v = version(c);
      if (v.isPresent() && (v.get()[0] > major || (v.get()[0] == major && v.get()[1] >= minor))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Exactly version {@code major.minor}, found the same way. */
  static Optional<String> exactly(int major, int minor) {
    List<String> candidates = new ArrayList<>();
    candidates.add("python" + major + "." + minor);
    Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
    if (Files.isDirectory(pyenv)) {
      try (Stream<Path> s = Files.list(pyenv)) {
        s.filter(p -> p.getFileName().toString().startsWith(major + "." + minor + "."))
            .sorted()
            .map(p -> p.resolve("bin/python3").toString())
            .forEach(candidates::add);
      } catch (IOException e) {
        // none
      }
    }
    for (String c : candidates) {
      Optional<int[]> v = version(c);
      if (v.isPresent() && v.get()[0] == major && v.get()[1] == minor) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  static Optional<int[]> version(String python) {
    Optional<String> out = run(python, "import sys; print(*sys.version_info[:2])");
    if (out.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = out.get().strip().split(" ");
    try {
      return Optional.of(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Runs a one-line program and returns its standard output, or empty if it failed. */
  static Optional<String> run(String python, String program) {
    try {
      Process p =
          new ProcessBuilder(python, "-c", program)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(out);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
