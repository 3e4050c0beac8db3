package dev.keel.metrics;

import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;

/**
 * The measures of one function or method.
 *
 * @param name qualified as Python's {@code __qualname__}: {@code Class.method}, {@code
 *     outer.<locals>.inner}
 * @param line the line of the {@code def} keyword (CPython's {@code lineno}: after any decorator)
 * @param endLine the last line of the body (CPython's {@code end_lineno})
 * @param complexity cyclomatic complexity as radon's {@code cc} counts it
 * @param length lines from {@code line} to {@code endLine}, both included
 * @param parameters named parameters, without the receiver ({@code self}, {@code cls}) and without
 *     {@code *args} and {@code **kwargs}
 * @param annotationSlots what can be annotated: every parameter but the receiver, and the return
 *     (not for {@code __init__})
 * @param annotated how many of those slots are annotated
 * @param nesting how deep blocks nest in the body (0 for straight-line code)
 * @param deepestBlock the first block at depth {@code nesting}, or {@code null}
 * @param nameRange where the {@code def NAME} is, for findings about the whole function
 */
public record CallableMetrics(
    String name,
    int line,
    int endLine,
    int complexity,
    int length,
    int parameters,
    int annotationSlots,
    int annotated,
    int nesting,
    Stmt deepestBlock,
    TextRange nameRange) {

  /** Percentage of the annotation slots that are annotated; 100 when there is none. */
  public double annotationCoverage() {
    return annotationSlots == 0 ? 100.0 : 100.0 * annotated / annotationSlots;
  }
}
