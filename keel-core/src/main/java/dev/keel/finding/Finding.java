package dev.keel.finding;

import java.util.Comparator;
import java.util.Optional;

/**
 * One thing a rule found, as the rule emits it. {@code path} is relative to the project root with
 * {@code /} separators; {@code span} is absent for findings about a file or the repository as a
 * whole. What the judge decides about it (its fingerprint, whether the baseline holds it) is not
 * here: that is {@code dev.keel.judge.JudgedFinding}.
 */
public record Finding(
    String code,
    Severity severity,
    String message,
    String path,
    Optional<Span> span,
    int effortMinutes) {

  /** Report order: by path, then position (file-level findings first), then code. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::path)
          .thenComparingInt((Finding f) -> f.span().map(Span::line).orElse(0))
          .thenComparingInt(f -> f.span().map(Span::column).orElse(0))
          .thenComparing(Finding::code)
          .thenComparing(Finding::message);

  public int line() {
    return span.map(Span::line).orElse(0);
  }
}
