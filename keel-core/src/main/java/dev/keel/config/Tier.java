package dev.keel.config;

import java.util.Locale;

/** Not every file deserves the same process: a tier picks which rules apply to a path. */
public enum Tier {
  /** Notebooks and scripts: syntax and security only. */
  PROTOTYPE,
  /** The default. */
  STANDARD,
  /** Everything, and stricter thresholds. */
  CRITICAL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
