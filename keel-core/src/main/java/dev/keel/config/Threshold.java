package dev.keel.config;

import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The keys of {@code [tool.keel.thresholds]}: each with its TOML name, its default and the {@link
 * Thresholds} component that holds it. The one table the loader (unknown keys, ranges) and {@code
 * keel init} read; the declaration order is the order {@code keel init} prints.
 */
public enum Threshold {
  MAX_COMPLEXITY("max-complexity", 7, Thresholds::maxComplexity),
  MAX_FUNCTION_LENGTH("max-function-length", 60, Thresholds::maxFunctionLength),
  MAX_PARAMETERS("max-parameters", 5, Thresholds::maxParameters),
  MAX_NESTING("max-nesting", 4, Thresholds::maxNesting),
  MAX_PACKAGE_DEPTH("max-package-depth", 5, Thresholds::maxPackageDepth),
  MIN_ANNOTATION_COVERAGE("min-annotation-coverage", 80, Thresholds::minAnnotationCoverage);

  private final String key;
  private final int defaultValue;
  private final ToIntFunction<Thresholds> accessor;

  Threshold(String key, int defaultValue, ToIntFunction<Thresholds> accessor) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.accessor = accessor;
  }

  /** The key in {@code [tool.keel.thresholds]}. */
  public String key() {
    return key;
  }

  public int defaultValue() {
    return defaultValue;
  }

  /** This threshold's value in {@code thresholds}. */
  public int of(Thresholds thresholds) {
    return accessor.applyAsInt(thresholds);
  }

  /** A {@code min-} threshold is a percentage (0 to 100); the others are counts (1 and up). */
  boolean percent() {
    return key.startsWith("min-");
  }

  long lowest() {
    return percent() ? 0 : 1;
  }

  long highest() {
    return percent() ? 100 : 1_000_000;
  }

  static Optional<Threshold> forKey(String key) {
    for (Threshold t : values()) {
      if (t.key.equals(key)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
