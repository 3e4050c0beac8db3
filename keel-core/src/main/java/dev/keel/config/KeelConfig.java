package dev.keel.config;

import dev.keel.ConfinedReader;
import dev.keel.finding.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code [tool.keel]} settings after validation, merged with the command line. Built with
 * {@link #builder()} (every setting at its default until set) or {@link #toBuilder()}; the defaults
 * live in {@link Builder}, {@link Thresholds#DEFAULTS} and the constants here.
 *
 * @param select families or codes to run; empty means all
 * @param exclude gitignore-style patterns relative to the project root
 * @param source source roots relative to the project root; empty means {@code src/} when it exists,
 *     else the root
 * @param origin the file the settings came from, if any
 * @param cycles which imports make an import cycle for ARC006
 * @param configModules the project's configuration modules for CFG001 and CFG101, as dotted module
 *     names ({@code myapp.settings}) or packages with everything in them ({@code myapp.conf.*});
 *     empty means the conventional names ({@code config.py}, {@code settings.py}, {@code conf/}…)
 * @param maxFileSize files larger than this many bytes are skipped with a finding
 * @param fileTimeout how long the analysis of one file may run before it is abandoned (SYN004)
 * @param coverage the coverage.py data file ({@code coverage.json}, {@code coverage.xml} or {@code
 *     .coverage}) relative to the project root; empty means the usual places
 * @param coverageTarget the percentage of its statements a public callable's tests should run
 *     (TST006) in a file of the standard tier
 * @param criticalCoverageTarget the same in a file of the critical tier
 * @param newTestsFail whether a test that is not in {@code keel-tests.lock} fails TST010 and {@code
 *     keel tests verify} ({@code tests-lock-new = "fail"}), rather than being reported as new
 */
public record KeelConfig(
    List<String> select,
    List<String> ignore,
    List<String> exclude,
    Severity failOn,
    Optional<String> baseline,
    List<String> source,
    Map<Tier, List<String>> tiers,
    List<LayerContract> layers,
    Thresholds thresholds,
    Optional<Path> origin,
    CycleMode cycles,
    List<String> configModules,
    long maxFileSize,
    Duration fileTimeout,
    Optional<String> coverage,
    int coverageTarget,
    int criticalCoverageTarget,
    boolean newTestsFail) {

  /** The baseline file when none is configured. */
  public static final String DEFAULT_BASELINE = ".keel-baseline.json";

  /** {@code fail-on} when none is configured. */
  public static final Severity DEFAULT_FAIL_ON = Severity.WARNING;

  /** {@code file-timeout} when none is configured. */
  public static final Duration DEFAULT_FILE_TIMEOUT = Duration.ofSeconds(30);

  /** {@code coverage-target} when none is configured: half of a public callable's statements. */
  public static final int DEFAULT_COVERAGE_TARGET = 50;

  /** The least {@code coverage-target} of the critical tier when none is configured for it. */
  public static final int DEFAULT_CRITICAL_COVERAGE_TARGET = 80;

  /** The longest {@code file-timeout} accepted: a day. */
  static final double MAX_FILE_TIMEOUT_SECONDS = 86_400;

  public KeelConfig {
    select = List.copyOf(select);
    ignore = List.copyOf(ignore);
    exclude = List.copyOf(exclude);
    source = List.copyOf(source);
    tiers = Map.copyOf(tiers);
    layers = List.copyOf(layers);
    configModules = List.copyOf(configModules);
    if (fileTimeout.isNegative() || fileTimeout.isZero()) {
      throw new IllegalArgumentException("file-timeout must be positive");
    }
    if (coverageTarget < 0
        || coverageTarget > 100
        || criticalCoverageTarget < 0
        || criticalCoverageTarget > 100) {
      throw new IllegalArgumentException("coverage-target must be a percentage");
    }
  }

  /**
   * A {@code file-timeout} of {@code seconds} (fractions allowed), or a {@link ConfigException}
   * that names {@code what} when it is not a positive number of seconds up to a day.
   */
  public static Duration fileTimeout(double seconds, String what) {
    if (!(seconds > 0) || seconds > MAX_FILE_TIMEOUT_SECONDS) {
      throw new ConfigException(
          what
              + " must be a number of seconds above 0 and at most 86400, not "
              + (seconds == Math.rint(seconds) && !Double.isInfinite(seconds)
                  ? String.valueOf((long) seconds)
                  : String.valueOf(seconds)));
    }
    long nanos = Math.max(1, Math.round(seconds * 1e9));
    return Duration.ofNanos(nanos);
  }

  /**
   * The coverage target of a file of {@code tier}: none (0) for a prototype, whose TST findings the
   * judge drops anyway.
   */
  public int coverageTarget(Tier tier) {
    return switch (tier) {
      case PROTOTYPE -> 0;
      case STANDARD -> coverageTarget;
      case CRITICAL -> criticalCoverageTarget;
    };
  }

  /** Every setting at its default: what a project without configuration gets. */
  public static KeelConfig defaults() {
    return builder().build();
  }

  /** A builder with every setting at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.select = select;
    b.ignore = ignore;
    b.exclude = exclude;
    b.failOn = failOn;
    b.baseline = baseline;
    b.source = source;
    b.tiers = tiers;
    b.layers = layers;
    b.thresholds = thresholds;
    b.origin = origin;
    b.cycles = cycles;
    b.configModules = configModules;
    b.maxFileSize = maxFileSize;
    b.fileTimeout = fileTimeout;
    b.coverage = coverage;
    b.coverageTarget = coverageTarget;
    b.criticalCoverageTarget = Optional.of(criticalCoverageTarget);
    b.newTestsFail = newTestsFail;
    return b;
  }

  /** Settings one at a time; each starts at its default. */
  public static final class Builder {
    private List<String> select = List.of();
    private List<String> ignore = List.of();
    private List<String> exclude = List.of();
    private Severity failOn = DEFAULT_FAIL_ON;
    private Optional<String> baseline = Optional.empty();
    private List<String> source = List.of();
    private Map<Tier, List<String>> tiers = Map.of();
    private List<LayerContract> layers = List.of();
    private Thresholds thresholds = Thresholds.DEFAULTS;
    private Optional<Path> origin = Optional.empty();
    private CycleMode cycles = CycleMode.IMPORT_TIME;
    private List<String> configModules = List.of();
    private long maxFileSize = ConfinedReader.DEFAULT_MAX_BYTES;
    private Duration fileTimeout = DEFAULT_FILE_TIMEOUT;
    private Optional<String> coverage = Optional.empty();
    private int coverageTarget = DEFAULT_COVERAGE_TARGET;
    private Optional<Integer> criticalCoverageTarget = Optional.empty();
    private boolean newTestsFail;

    private Builder() {}

    public Builder select(List<String> v) {
      select = v;
      return this;
    }

    public Builder ignore(List<String> v) {
      ignore = v;
      return this;
    }

    public Builder exclude(List<String> v) {
      exclude = v;
      return this;
    }

    public Builder failOn(Severity v) {
      failOn = v;
      return this;
    }

    public Builder baseline(Optional<String> v) {
      baseline = v;
      return this;
    }

    public Builder source(List<String> v) {
      source = v;
      return this;
    }

    public Builder tiers(Map<Tier, List<String>> v) {
      tiers = v;
      return this;
    }

    public Builder layers(List<LayerContract> v) {
      layers = v;
      return this;
    }

    public Builder thresholds(Thresholds v) {
      thresholds = v;
      return this;
    }

    public Builder origin(Path v) {
      origin = Optional.of(v);
      return this;
    }

    public Builder cycles(CycleMode v) {
      cycles = v;
      return this;
    }

    public Builder configModules(List<String> v) {
      configModules = v;
      return this;
    }

    public Builder maxFileSize(long bytes) {
      maxFileSize = bytes;
      return this;
    }

    public Builder fileTimeout(Duration v) {
      fileTimeout = v;
      return this;
    }

    public Builder coverage(Optional<String> v) {
      coverage = v;
      return this;
    }

    /** The standard tier's target; the critical tier's, unless set, is at least 80. */
    public Builder coverageTarget(int percent) {
      coverageTarget = percent;
      return this;
    }

    public Builder criticalCoverageTarget(int percent) {
      criticalCoverageTarget = Optional.of(percent);
      return this;
    }

    public Builder newTestsFail(boolean v) {
      newTestsFail = v;
      return this;
    }

    public KeelConfig build() {
      return new KeelConfig(
          select,
          ignore,
          exclude,
          failOn,
          baseline,
          source,
          tiers,
          layers,
          thresholds,
          origin,
          cycles,
          configModules,
          maxFileSize,
          fileTimeout,
          coverage,
          coverageTarget,
          criticalCoverageTarget.orElse(Math.max(coverageTarget, DEFAULT_CRITICAL_COVERAGE_TARGET)),
          newTestsFail);
    }
  }
}
