package dev.keel.audit;

import dev.keel.finding.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What to audit and how; the command line builds one from its options with {@link #builder}.
 *
 * @param select replaces the configured selection when non-empty
 * @param ignore added to the configured ignores
 * @param baseline overrides the configured baseline file
 * @param useBaseline false to report every finding as new (used when writing a baseline)
 * @param maxFileSize replaces the configured {@code max-file-size} (bytes) when present
 * @param fileTimeout overrides the configured {@code file-timeout}
 * @param useCache read and write per-file results in the result cache ({@code dev.keel.cache})
 * @param cacheDir the cache's folder, when not {@code .keel_cache} at the project root
 * @param coverage coverage.py's data file ({@code --coverage}), over {@code [tool.keel] coverage}
 *     and the usual places
 * @param useCoverage false for an audit of a past tree, which the work tree's data does not
 *     describe
 * @param ruffImports Ruff's JSON outputs whose findings join Keel's ({@code --import-ruff})
 * @param mypyImports mypy's JSON-lines outputs whose findings join Keel's ({@code --import-mypy})
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
    Optional<Duration> fileTimeout,
    boolean useCache,
    Optional<Path> cacheDir,
    Optional<Path> coverage,
    boolean useCoverage,
    List<Path> ruffImports,
    List<Path> mypyImports) {

  public AuditRequest {
    ruffImports = List.copyOf(ruffImports);
    mypyImports = List.copyOf(mypyImports);
    paths = List.copyOf(paths);
    select = List.copyOf(select);
    ignore = List.copyOf(ignore);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }

  /** {@code paths} with the configured settings, the baseline, a thread per core, today's date. */
  public static AuditRequest of(Path... paths) {
    return builder(List.of(paths)).build();
  }

  /** A request for {@code paths}; each option starts as {@link #of} has it. */
  public static Builder builder(List<Path> paths) {
    return new Builder(paths);
  }

  /** The options of an {@link AuditRequest}, one at a time. */
  public static final class Builder {
    private final List<Path> paths;
    private Optional<Path> configFile = Optional.empty();
    private List<String> select = List.of();
    private List<Path> ruffImports = List.of();
    private List<Path> mypyImports = List.of();
    private List<String> ignore = List.of();
    private Optional<Severity> failOn = Optional.empty();
    private Optional<Path> baseline = Optional.empty();
    private boolean useBaseline = true;
    private int threads = Runtime.getRuntime().availableProcessors();
    private LocalDate today = LocalDate.now();
    private Optional<Long> maxFileSize = Optional.empty();
    private Optional<Duration> fileTimeout = Optional.empty();
    private boolean useCache = false;
    private Optional<Path> cacheDir = Optional.empty();
    private Optional<Path> coverage = Optional.empty();
    private boolean useCoverage = true;

    private Builder(List<Path> paths) {
      this.paths = paths;
    }

    /** Read the settings from this file instead of finding them in the project. */
    public Builder configFile(Path file) {
      configFile = Optional.of(file);
      return this;
    }

    /** Run these families or codes instead of the configured selection (when non-empty). */
    public Builder select(List<String> codes) {
      select = codes;
      return this;
    }

    /** Skip these families or codes as well as the configured ones. */
    public Builder ignore(List<String> codes) {
      ignore = codes;
      return this;
    }

    public Builder failOn(Severity severity) {
      failOn = Optional.of(severity);
      return this;
    }

    /** Read accepted findings from this file instead of the configured baseline. */
    public Builder baseline(Path file) {
      baseline = Optional.of(file);
      return this;
    }

    /** Report every finding as new, whatever the baseline holds (as when writing a baseline). */
    public Builder withoutBaseline() {
      useBaseline = false;
      return this;
    }

    public Builder threads(int n) {
      threads = n;
      return this;
    }

    /** The date end-of-life checks compare against. */
    public Builder today(LocalDate date) {
      today = date;
      return this;
    }

    /** Replaces the configured {@code max-file-size}, in bytes. */
    public Builder maxFileSize(long bytes) {
      maxFileSize = Optional.of(bytes);
      return this;
    }

    /** Replaces the configured {@code file-timeout}. */
    public Builder fileTimeout(Duration timeout) {
      fileTimeout = Optional.of(timeout);
      return this;
    }

    /**
     * Reuse per-file results of earlier runs, and store this run's, in {@code folder} or, when
     * empty, {@code .keel_cache} at the project root. Off unless asked for: the command line asks
     * (unless {@code --no-cache}).
     */
    /** Findings of Ruff ({@code ruff check --output-format json}) and mypy ({@code -O json}). */
    public Builder imports(List<Path> ruff, List<Path> mypy) {
      ruffImports = List.copyOf(ruff);
      mypyImports = List.copyOf(mypy);
      return this;
    }

    public Builder cache(Optional<Path> folder) {
      useCache = true;
      cacheDir = folder;
      return this;
    }

    /** Read coverage.py's data from this file (relative to the working folder). */
    public Builder coverage(Path file) {
      coverage = Optional.of(file);
      return this;
    }

    /** Read no coverage data (an audit of a past tree: the data describes the work tree). */
    public Builder withoutCoverage() {
      useCoverage = false;
      coverage = Optional.empty();
      return this;
    }

    public AuditRequest build() {
      return new AuditRequest(
          paths,
          configFile,
          select,
          ignore,
          failOn,
          baseline,
          useBaseline,
          threads,
          today,
          maxFileSize,
          fileTimeout,
          useCache,
          cacheDir,
          coverage,
          useCoverage,
          ruffImports,
          mypyImports);
    }
  }
}
