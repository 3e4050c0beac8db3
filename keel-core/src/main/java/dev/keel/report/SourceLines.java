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

  /**
   * The whole text of a project file as it is on disk (a notebook's JSON, not its code cells), for
   * reporters that hash lines the way a code-scanning service does; empty when Keel did not read
   * it.
   *
   * @param path relative to the project root
   */
  default Optional<String> fileText(String path) {
    return Optional.empty();
  }

  static SourceLines none() {
    return (path, line) -> Optional.empty();
  }
}
