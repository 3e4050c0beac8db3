package dev.keel.audit;

import dev.keel.finding.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What to audit and how; the command line builds one from its options.
 *
 * @param select replaces the configured selection when non-empty
 * @param ignore added to the configured ignores
 * @param baseline overrides the configured baseline file
 * @param useBaseline false to report every finding as new (used when writing a baseline)
 * @param maxFileSize replaces the configured {@code max-file-size} (bytes) when present
 * @param fileTimeout overrides the configured {@code file-timeout}
 */
public record AuditRequest(
    List<Path> paths,
    Optional<Path> configFile,
    List<String> select,
    List<String> ignore,
    Optional<Severity> failOn,
    Optional<Path> baseline,
    boolean useBaseline,
    int threads,
    LocalDate today,
    Optional<Long> maxFileSize,
    Optional<Duration> fileTimeout) {

  /** A request with the configured {@code max-file-size} and {@code file-timeout}. */
  public AuditRequest(
      List<Path> paths,
      Optional<Path> configFile,
      List<String> select,
      List<String> ignore,
      Optional<Severity> failOn,
      Optional<Path> baseline,
      boolean useBaseline,
      int threads,
      LocalDate today) {
    this(
        paths,
        configFile,
        select,
        ignore,
        failOn,
        baseline,
        useBaseline,
        threads,
        today,
        Optional.empty(),
        Optional.empty());
  }

  public AuditRequest {
    paths = List.copyOf(paths);
    select = List.copyOf(select);
    ignore = List.copyOf(ignore);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }

  public static AuditRequest of(Path... paths) {
    return new AuditRequest(
        List.of(paths),
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        true,
        Runtime.getRuntime().availableProcessors(),
        LocalDate.now());
  }
}
