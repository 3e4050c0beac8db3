package dev.keel.report;

import java.util.Optional;

/** The text of a line of a project file, for reporters that show the offending line. */
@FunctionalInterface
public interface SourceLines {
  /**
   * @param path relative to the project root
   * @param line 1-based
   */
  Optional<String> line(String path, int line);

  static SourceLines none() {
    return (path, line) -> Optional.empty();
  }
}
