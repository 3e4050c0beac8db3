package dev.keel.finding;

import java.util.Comparator;
import java.util.Optional;

/**
 * One thing a rule found, as the rule emits it. {@code path} is relative to the project root with
 * {@code /} separators; {@code span} is absent for findings about a file or the repository as a
 * whole. What the judge decides about it (its fingerprint, whether the baseline holds it) is not
 * here: that is {@code dev.keel.judge.JudgedFinding}.
 *
 * <p>{@code cell} is present for a finding in a notebook's code: the span then counts lines of the
 * code cells joined in document order, and the cell says which cell and which of its lines.
 */
public record Finding(
    String code,
    Severity severity,
    String message,
    String path,
    Optional<Span> span,
    int effortMinutes,
    Optional<NotebookCell> cell) {

  /** A finding outside a notebook's cells: what every rule but the notebook step emits. */
  public Finding(
      String code,
      Severity severity,
      String message,
      String path,
      Optional<Span> span,
      int effortMinutes) {
    this(code, severity, message, path, span, effortMinutes, Optional.empty());
  }

  /** This finding placed in a notebook cell. */
  public Finding inCell(Span moduleSpan, NotebookCell where) {
    return new Finding(
        code, severity, message, path, Optional.of(moduleSpan), effortMinutes, Optional.of(where));
  }

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
