package dev.keel.judge;

import java.util.Optional;

/**
 * The text of project files as the judge reads it: whole, for suppression comments, and line by
 * line, for the context a fingerprint is made of.
 */
public interface SourceText {
  /**
   * @param path relative to the project root
   * @return the file's text with line breaks made {@code \n}; empty for a file Keel cannot read
   */
  String text(String path);

  /**
   * @param path relative to the project root
   * @param line 1-based
   */
  Optional<String> line(String path, int line);
}
