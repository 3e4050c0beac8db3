package dev.keel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs keel as a real process (a JVM of its own, on the test classpath): for what only a real
 * process shows, such as a kill, a full disk, a small heap or a resource limit.
 */
final class KeelProcess {
  /** What one run printed and returned. */
  record Outcome(int code, String out, String err) {}

  private KeelProcess() {}

  /** The command that runs keel with {@code jvm} options and {@code args}. */
  static List<String> command(List<String> jvm, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // No hsperfdata file: the tests that limit file sizes must see only keel's own writes.
    cmd.add("-XX:-UsePerfData");
    cmd.addAll(jvm);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** {@code command} run by sh after {@code ulimit} (for example {@code -f 64}). */
  static List<String> underUlimit(String limit, List<String> command) {
    List<String> cmd =
        new ArrayList<>(List.of("sh", "-c", "ulimit " + limit + " && exec \"$@\"", "sh"));
    cmd.addAll(command);
    return cmd;
  }

  /** Runs to the end (at most {@code limit}, a hang guard), stdout and stderr captured. */
  static Outcome run(ProcessBuilder pb, Path scratch, Duration limit) {
    try {
      Path out = Files.createTempFile(scratch, "out", ".txt");
      Path err = Files.createTempFile(scratch, "err", ".txt");
      if (pb.redirectOutput() == ProcessBuilder.Redirect.PIPE) {
        pb.redirectOutput(out.toFile());
      }
      pb.redirectError(err.toFile());
      Process p = pb.start();
      if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("keel did not finish in " + limit + ": " + Files.readString(err));
      }
      return new Outcome(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
