package dev.keel.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Python installations and reference tools that tests compare with or walk: a test that needs
 * one and finds none says so and is skipped.
 */
public final class PythonTools {
  private PythonTools() {}

  /** The standard library of the {@code python3} on PATH. */
  public static Optional<Path> stdlib() {
    return stdlibOf("python3").filter(PythonTools::isStdlib);
  }

  /**
   * A python3.11 standard library, the corpus of the differential tests: {@code -Dkeel.stdlib=DIR}
   * if set, else this machine's pyenv or Debian copy, else the one of {@code python3.11} on PATH.
   */
  public static Optional<Path> stdlib311() {
    List<Path> candidates = new ArrayList<>();
    String property = System.getProperty("keel.stdlib");
    if (property != null) {
      candidates.add(Path.of(property));
    }
    candidates.add(Path.of("/root/.pyenv/versions/3.11.7/lib/python3.11"));
    candidates.add(Path.of("/usr/lib/python3.11"));
    for (Path p : candidates) {
      if (isStdlib(p)) {
        return Optional.of(p);
      }
    }
    return stdlibOf("python3.11").filter(PythonTools::isStdlib);
  }

  /** Whether {@code tool --version} runs and succeeds (radon, bandit). */
  public static boolean runs(String tool) {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean isStdlib(Path dir) {
    return Files.isRegularFile(dir.resolve("os.py"));
  }

  private static Optional<Path> stdlibOf(String python) {
    try {
      Process p =
          new ProcessBuilder(
                  python, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return Optional.of(Path.of(out));
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }
}
