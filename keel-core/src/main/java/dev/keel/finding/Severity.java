package dev.keel.finding;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters; {@code fail-on} picks the lowest one that fails a run. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  /** The lower-case name used in configuration files and output. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  public static Optional<Severity> parse(String text) {
    for (Severity s : values()) {
      if (s.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
