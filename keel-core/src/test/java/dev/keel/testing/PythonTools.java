package dev.keel.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The one place keel-core's tests find the Python installations and reference tools (pyflakes,
 * radon, bandit, git) they compare with or walk. A test that needs one calls {@code
 * Assumptions.assumeTrue(found.isPresent(), PythonTools.missing(...))}, so a missing oracle is a
 * skipped test with a message, never a pass.
 *
 * <p>Where it looks, in order: an override ({@code $KEEL_TEST_PYTHON}, {@code $KEEL_TEST_STDLIB} or
 * {@code -Dkeel.stdlib}, {@code $KEEL_TEST_PYFLAKES} and so on: {@code KEEL_TEST_} and the tool's
 * name in capitals), then {@code PATH}, then pyenv's {@code $PYENV_ROOT/versions/}{@code *}{@code
 * /bin} ({@code ~/.pyenv} when unset). Each candidate is run once to ask its version, since a pyenv
 * shim exists on PATH even for a version it cannot run. python-syntax's tests have the same search
 * in {@code dev.keel.python.ReferencePython} (that module cannot depend on this one).
 */
public final class PythonTools {
  private PythonTools() {}

  private static final Map<List<String>, Optional<String>> ANSWERS = new ConcurrentHashMap<>();

  /** The message of a test skipped for want of {@code what}. */
  public static String missing(String what) {
    return "SKIPPED: no "
        + what
        + " found (looked at $KEEL_TEST_* overrides, PATH and $PYENV_ROOT/versions)";
  }

  /** The standard library of {@code $KEEL_TEST_PYTHON}, else of {@code python3}, else any. */
  public static Optional<Path> stdlib() {
    List<String> order = new ArrayList<>();
    env("KEEL_TEST_PYTHON").ifPresent(order::add);
    order.add("python3");
    order.addAll(pythons());
    for (String python : order) {
      Optional<Path> lib = stdlibOf(python);
      if (lib.isPresent()) {
        return lib;
      }
    }
    return Optional.empty();
  }

  /**
   * A python3.11 standard library, the corpus of the differential tests and of the figures in
   * BENCHMARKS.md: {@code -Dkeel.stdlib=DIR} or {@code $KEEL_TEST_STDLIB} if set, else the one of
   * the first python 3.11 found.
   */
  public static Optional<Path> stdlib311() {
    Optional<String> override =
        Optional.ofNullable(System.getProperty("keel.stdlib")).or(() -> env("KEEL_TEST_STDLIB"));
    if (override.isPresent()) {
      return Optional.of(Path.of(override.get())).filter(PythonTools::isStdlib);
    }
    return python(3, 11).flatMap(PythonTools::stdlibOf);
  }

  /** The first python found of exactly version {@code major.minor}. */
  public static Optional<String> python(int major, int minor) {
    String wanted = major + " " + minor;
    return pythons().stream()
        .filter(p -> answer(p, "-c", "import sys; print(*sys.version_info[:2])").equals(wanted))
        .findFirst()
        .map(
            p -> {
              // The interpreter itself rather than a pyenv shim, which costs a tenth of a second
              // on every start.
              String real = answer(p, "-c", "import sys; print(sys.executable)");
              return !real.isEmpty() && Files.isExecutable(Path.of(real)) ? real : p;
            });
  }

  /**
   * A reference tool that answers {@code --version}: {@code $KEEL_TEST_<NAME>} (the first name, in
   * capitals) if set, else each of {@code names} on PATH, else in a pyenv version's {@code bin}.
   */
  public static Optional<String> tool(String... names) {
    List<String> candidates = new ArrayList<>();
    env("KEEL_TEST_" + names[0].toUpperCase(Locale.ROOT)).ifPresent(candidates::add);
    for (String name : names) {
      onPath(name).forEach(candidates::add);
    }
    for (Path bin : pyenvBins()) {
      for (String name : names) {
        Path p = bin.resolve(name);
        if (Files.isExecutable(p)) {
          candidates.add(p.toString());
        }
      }
    }
    return candidates.stream().filter(c -> answers(c, "--version")).findFirst();
  }

  /** Every python on this machine, by the search order above: overrides, PATH, pyenv. */
  static List<String> pythons() {
    Set<String> out = new LinkedHashSet<>();
    env("KEEL_TEST_PYTHON").ifPresent(out::add);
    for (int m = 20; m >= 0; m--) {
      onPath("python3." + m).forEach(out::add);
    }
    for (Path bin : pyenvBins()) {
      Path p = bin.resolve("python3");
      if (Files.isExecutable(p)) {
        out.add(p.toString());
      }
    }
    onPath("python3").forEach(out::add);
    return List.copyOf(out);
  }

  /** Whether {@code command args} runs and succeeds (asked once per run of the tests). */
  private static boolean answers(String command, String... args) {
    List<String> key = new ArrayList<>(List.of(command));
    key.addAll(List.of(args));
    return ANSWERS.computeIfAbsent(key, PythonTools::ask).isPresent();
  }

  private static String answer(String command, String... args) {
    List<String> key = new ArrayList<>(List.of(command));
    key.addAll(List.of(args));
    return ANSWERS.computeIfAbsent(key, PythonTools::ask).orElse("").strip();
  }

  private static Optional<Path> stdlibOf(String python) {
    String out = answer(python, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])");
    return out.isEmpty()
        ? Optional.empty()
        : Optional.of(Path.of(out)).filter(PythonTools::isStdlib);
  }

  private static boolean isStdlib(Path dir) {
    return Files.isRegularFile(dir.resolve("os.py"));
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(s -> !s.isBlank());
  }

  private static List<String> onPath(String name) {
    List<String> out = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path == null) {
      return out;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) {
        out.add(p.toString());
      }
    }
    return out;
  }

  private static List<Path> pyenvBins() {
    Path root =
        env("PYENV_ROOT").map(Path::of).orElse(Path.of(System.getProperty("user.home"), ".pyenv"));
    Path versions = root.resolve("versions");
    if (!Files.isDirectory(versions)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(versions)) {
      return s.map(p -> p.resolve("bin")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The standard output of a command that succeeds within 60 s, else empty. */
  private static Optional<String> ask(List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
