package dev.keel.cli;

import dev.keel.config.ConfigException;
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
}
