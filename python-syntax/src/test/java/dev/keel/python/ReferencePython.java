package dev.keel.python;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The one place python-syntax's tests find the CPython they use as their oracle (keel-core's tests
 * have {@code dev.keel.testing.PythonTools}, which searches the same places: python-syntax must not
 * depend on keel-core). Searched in order: {@code $KEEL_TEST_PYTHON} (or the older {@code
 * $KEEL_PYTHON}), {@code python3.N} in every {@code PATH} folder, {@code
 * $PYENV_ROOT/versions/}{@code *}{@code /bin/python3} ({@code ~/.pyenv} when unset), then {@code
 * python3}. Each candidate is asked its version, since a pyenv shim exists on PATH even for a
 * version it cannot run. A test whose oracle is missing skips itself with {@code
 * Assumptions.assumeTrue(found.isPresent(), ...)}.
 */
public final class ReferencePython {
  private ReferencePython() {}

  private static final Map<String, Optional<int[]>> VERSIONS = new ConcurrentHashMap<>();

  /** What the tests say when no python of that version is found. */
  public static String missing(String what) {
    return "SKIPPED: no "
        + what
        + " found (looked at $KEEL_TEST_PYTHON, python3.N on PATH, $PYENV_ROOT/versions, python3)";
  }

  /**
   * A python of at least {@code major.minor}: an override if it is one, else the newest found (the
   * first found of that version), so every test of a machine compares with the same CPython.
   */
  public static Optional<String> atLeast(int major, int minor) {
    List<String> qualifying =
        candidates().stream()
            .filter(
                c ->
                    version(c)
                        .map(v -> v[0] > major || (v[0] == major && v[1] >= minor))
                        .orElse(false))
            .toList();
    return qualifying.stream()
        .filter(ReferencePython::isOverride)
        .findFirst()
        .or(
            () ->
                qualifying.stream()
                    .max(
                        Comparator.comparingInt(
                            c -> version(c).map(v -> v[0] * 1000 + v[1]).orElse(0))))
        .map(ReferencePython::executable);
  }

  /** Exactly version {@code major.minor}, found the same way. */
  public static Optional<String> exactly(int major, int minor) {
    return candidates().stream()
        .filter(c -> version(c).map(v -> v[0] == major && v[1] == minor).orElse(false))
        .findFirst()
        .map(ReferencePython::executable);
  }

  /**
   * The interpreter itself rather than a pyenv shim (a shell script that costs a tenth of a second
   * on every start, and tests that start python once per input add that up).
   */
  private static String executable(String python) {
    return run(python, "import sys; print(sys.executable)")
        .map(String::strip)
        .filter(p -> !p.isEmpty() && Files.isExecutable(Path.of(p)))
        .orElse(python);
  }

  /** The standard library folder of {@code python}, if it answers and the folder exists. */
  public static Optional<Path> stdlib(String python) {
    return run(python, "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
        .map(String::strip)
        .map(Path::of)
        .filter(p -> Files.isRegularFile(p.resolve("os.py")));
  }

  /**
   * The standard library of {@code $KEEL_TEST_PYTHON} if set, else of {@code python3}, else of any
   * python 3 found.
   */
  public static Optional<Path> anyStdlib() {
    List<String> order = new ArrayList<>(candidates());
    order.remove("python3");
    int at = 0;
    while (at < order.size() && isOverride(order.get(at))) {
      at++;
    }
    order.add(at, "python3");
    for (String c : order) {
      Optional<int[]> v = version(c);
      if (v.isPresent() && v.get()[0] == 3) {
        Optional<Path> lib = stdlib(c);
        if (lib.isPresent()) {
          return lib;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isOverride(String candidate) {
    return candidate.equals(System.getenv("KEEL_TEST_PYTHON"))
        || candidate.equals(System.getenv("KEEL_PYTHON"));
  }

  static List<String> candidates() {
    Set<String> out = new LinkedHashSet<>();
    for (String name : List.of("KEEL_TEST_PYTHON", "KEEL_PYTHON")) {
      String env = System.getenv(name);
      if (env != null && !env.isBlank()) {
        out.add(env);
      }
    }
    String path = System.getenv("PATH");
    List<String> dirs = path == null ? List.of() : List.of(path.split(File.pathSeparator));
    for (int m = 20; m >= 0; m--) {
      for (String dir : dirs) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, "python3." + m);
        if (Files.isExecutable(p)) {
          out.add(p.toString());
        }
      }
    }
    String root = System.getenv("PYENV_ROOT");
    Path versions =
        (root == null || root.isBlank()
                ? Path.of(System.getProperty("user.home"), ".pyenv")
                : Path.of(root))
            .resolve("versions");
    if (Files.isDirectory(versions)) {
      List<Path> found = new ArrayList<>();
      try (Stream<Path> s = Files.list(versions)) {
        s.map(p -> p.resolve("bin/python3")).filter(Files::isExecutable).forEach(found::add);
      } catch (IOException e) {
        // an unreadable pyenv offers nothing
      }
      found.stream().sorted().map(Path::toString).forEach(out::add);
    }
    out.add("python3");
    return List.copyOf(out);
  }

  /** {@code [major, minor]} of {@code python}, or empty if it does not run. */
  public static Optional<int[]> version(String python) {
    return VERSIONS.computeIfAbsent(
        python,
        c -> {
          Optional<String> out = run(c, "import sys; print(*sys.version_info[:2])");
          if (out.isEmpty()) {
            return Optional.empty();
          }
          String[] parts = out.get().strip().split(" ");
          try {
            return Optional.of(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
          } catch (RuntimeException e) {
            return Optional.empty();
          }
        });
  }

  /** Runs a one-line program and returns its standard output, or empty if it failed. */
  public static Optional<String> run(String python, String program) {
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
