package dev.keel.project;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A file of the project.
 *
 * @param path relative to the project root, {@code /}-separated
 * @param module the dotted module name for Python files
 */
public record ProjectFile(Path absolute, String path, FileKind kind, Optional<String> module) {
  public boolean isPython() {
    return kind == FileKind.SOURCE || kind == FileKind.TEST;
  }

  /** The file name alone. */
  public String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
