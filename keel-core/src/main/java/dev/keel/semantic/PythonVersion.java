package dev.keel.semantic;

import java.util.Optional;

/** A Python feature version such as 3.12, which decides the builtins and standard library. */
public record PythonVersion(int major, int minor) implements Comparable<PythonVersion> {
  /** The newest version Keel has tables for; newer targets use it. */
  public static final PythonVersion NEWEST_KNOWN = new PythonVersion(3, 13);

  public static final PythonVersion OLDEST_KNOWN = new PythonVersion(3, 8);

  /** Parses {@code 3.12} (a patch part, {@code 3.12.1}, is ignored). */
  public static Optional<PythonVersion> parse(String text) {
    String[] parts = text.strip().split("\\.");
    if (parts.length < 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PythonVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public int compareTo(PythonVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  /** This version, moved into the range the tables cover. */
  public PythonVersion clampToKnown() {
    if (compareTo(NEWEST_KNOWN) > 0) {
      return NEWEST_KNOWN;
    }
    return compareTo(OLDEST_KNOWN) < 0 ? OLDEST_KNOWN : this;
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
