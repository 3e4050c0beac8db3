package dev.keel.report;

import java.util.Locale;

/** The output formats of {@code keel check}; each value prints as its lower-case name. */
public enum Format {
  TEXT,
  JSON,
  SARIF,
  GITHUB,
  JUNIT;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
