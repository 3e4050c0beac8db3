package dev.keel.finding;

import java.util.Comparator;
import java.util.Optional;

/**
 * One thing Keel found. {@code path} is relative to the project root with {@code /} separators;
 * {@code span} is absent for findings about a file or the repository as a whole.
 */
public record Finding(
    String code,
    Severity severity,
    String message,
    String path,
    Optional<Span> span,
    int effortMinutes,
    String fingerprint,
    boolean baselined) {

  /** Report order: by path, then position (file-level findings first), then code. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::path)
          .thenComparingInt((Finding f) -> f.span().map(Span::line).orElse(0))
          .thenComparingInt(f -> f.span().map(Span::column).orElse(0))
          .thenComparing(Finding::code)
          .thenComparing(Finding::message);

  public Finding withFingerprint(String fp) {
    return new Finding(code, severity, message, path, span, effortMinutes, fp, baselined);
  }

  public Finding withBaselined(boolean b) {
    return new Finding(code, severity, message, path, span, effortMinutes, fingerprint, b);
  }

  public Finding withSeverity(Severity s) {
    return new Finding(code, s, message, path, span, effortMinutes, fingerprint, baselined);
  }

  public int line() {
    return span.map(Span::line).orElse(0);
  }
}
