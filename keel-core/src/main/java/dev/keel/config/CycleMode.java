package dev.keel.config;

import java.util.Locale;
import java.util.Optional;

/** {@code cycles}: which imports make an import cycle for ARC006. */
public enum CycleMode {
  /** Imports that run when a module is imported (the default). */
  IMPORT_TIME,
  /** Also imports inside functions and under {@code TYPE_CHECKING}. */
  ALL;

  /** The value in {@code [tool.keel]}: {@code import-time} or {@code all}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Optional<CycleMode> parse(String label) {
    for (CycleMode m : values()) {
      if (m.label().equals(label)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
