package dev.keel.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The standard library of the {@code python3} on PATH, for tests that walk real code. */
public final class PythonStdlib {
  private PythonStdlib() {}

  /** Its folder, if {@code python3} runs and the folder holds {@code os.py}. */
  public static Optional<Path> find() {
    try {
      Process p =
          new ProcessBuilder(
                  "python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
        Path dir = Path.of(out);
        return Files.isRegularFile(dir.resolve("os.py")) ? Optional.of(dir) : Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }
}
