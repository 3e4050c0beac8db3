package dev.keel.config;

import java.util.Map;

/**
 * The limits of {@code [tool.keel.thresholds]}; {@link Threshold} names each one's key and default.
 *
 * @param maxComplexity cyclomatic complexity of a function (CPX001)
 * @param maxFunctionLength lines of a function (CPX002)
 * @param maxParameters parameters of a function (CPX003)
 * @param maxNesting nested blocks in a function (CPX004)
 * @param maxPackageDepth depth of package nesting (ARC001)
 * @param minAnnotationCoverage lowest annotation coverage of a file, as a percentage (TYP002)
 */
public record Thresholds(
    int maxComplexity,
    int maxFunctionLength,
    int maxParameters,
    int maxNesting,
    int maxPackageDepth,
    int minAnnotationCoverage) {

  /** Every threshold at its default. */
  public static final Thresholds DEFAULTS = of(Map.of());

  /** The thresholds in {@code values}, and the defaults for those it leaves out. */
  public static Thresholds of(Map<Threshold, Integer> values) {
    return new Thresholds(
        value(values, Threshold.MAX_COMPLEXITY),
        value(values, Threshold.MAX_FUNCTION_LENGTH),
        value(values, Threshold.MAX_PARAMETERS),
        value(values, Threshold.MAX_NESTING),
        value(values, Threshold.MAX_PACKAGE_DEPTH),
        value(values, Threshold.MIN_ANNOTATION_COVERAGE));
  }

  private static int value(Map<Threshold, Integer> values, Threshold t) {
    return values.getOrDefault(t, t.defaultValue());
  }
}
