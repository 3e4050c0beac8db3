package dev.keel.cli;

import dev.keel.ConfinedReader;
import dev.keel.config.ConfigException;
import dev.keel.project.ProjectDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on the files a user names directly on the command line. */
final class Inputs {
  private Inputs() {}

  /**
   * Refuses what is not a regular file (through links): reading a FIFO waits for a writer forever,
   * and a device such as /dev/zero never ends.
   */
  static void requireRegularFile(Path f, String command) {
    if (Files.exists(f) && !Files.isRegularFile(f) && !Files.isDirectory(f)) {
      throw new ConfigException(
          f + " is not a regular file (a FIFO, socket or device); " + command + " reads files");
    }
  }

  /** Parses --max-file-size; a bad value is a usage error naming it. */
  static long size(String text) {
    return ConfinedReader.parseSize(text)
        .orElseThrow(
            () ->
                new ConfigException(
                    "--max-file-size must be a positive size such as 10MB, 512KB or a number of"
                        + " bytes, not '"
                        + text
                        + "'"));
  }

  /**
   * Reads a file named on the command line with the rules of a project's files: it must really be
   * inside the project holding it (a link {@code x.py -> /proc/self/environ} or out of the project
   * is refused), be a regular file, and be no larger than {@code limit}.
   */
  static byte[] readConfined(Path f, long limit) {
    Path abs = f.toAbsolutePath().normalize();
    Path folder = abs.getParent() == null ? abs : abs.getParent();
    Path root = ProjectDiscovery.findRoot(folder);
    var reader = new ConfinedReader(root, limit);
    return switch (reader.read(abs, f.toString())) {
      case ConfinedReader.Bytes b -> b.bytes();
      case ConfinedReader.Skipped s -> throw new ConfigException(s.skip().message());
    };
  }
}
