package dev.keel.config;

import dev.keel.ConfinedReader;
import dev.keel.finding.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code [tool.keel]} settings after validation, merged with the command line.
 *
 * @param select families or codes to run; empty means all
 * @param exclude gitignore-style patterns relative to the project root
 * @param source source roots relative to the project root; empty means {@code src/} when it exists,
 *     else the root
 * @param origin the file the settings came from, if any
 * @param cycles {@code import-time} (imports that run when a module is imported) or {@code all}
 *     (also imports inside functions and under {@code TYPE_CHECKING}) for ARC006
 * @param configModules the project's configuration modules for CFG001 and CFG101, as dotted module
 *     names ({@code myapp.settings}) or packages with everything in them ({@code myapp.conf.*});
 *     empty means the conventional names ({@code config.py}, {@code settings.py}, {@code conf/}…)
 * @param maxFileSize files larger than this many bytes are skipped with a finding
 * @param fileTimeout how long the analysis of one file may run before it is abandoned (SYN004)
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
    Map<String, Integer> thresholds,
    Optional<Path> origin,
    String cycles,
    List<String> configModules,
    long maxFileSize,
    Duration fileTimeout) {

  /** The settings with the default {@code max-file-size} and {@code file-timeout}. */
  public KeelConfig(
      List<String> select,
      List<String> ignore,
      List<String> exclude,
      Severity failOn,
      Optional<String> baseline,
      List<String> source,
      Map<Tier, List<String>> tiers,
      List<LayerContract> layers,
      Map<String, Integer> thresholds,
      Optional<Path> origin,
      String cycles,
      List<String> configModules) {
    this(
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
        ConfinedReader.DEFAULT_MAX_BYTES,
        DEFAULT_FILE_TIMEOUT);
  }

  public static final String DEFAULT_BASELINE = ".keel-baseline.json";

  /** {@code file-timeout} when none is configured. */
  public static final Duration DEFAULT_FILE_TIMEOUT = Duration.ofSeconds(30);

  /** The longest {@code file-timeout} accepted: a day. */
  static final double MAX_FILE_TIMEOUT_SECONDS = 86_400;

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

  /** {@code cycles}: which imports make an import cycle. */
  public static final List<String> CYCLE_MODES = List.of("import-time", "all");

  /** The settings with the conventional configuration modules. */
  public KeelConfig(
      List<String> select,
      List<String> ignore,
      List<String> exclude,
      Severity failOn,
      Optional<String> baseline,
      List<String> source,
      Map<Tier, List<String>> tiers,
      List<LayerContract> layers,
      Map<String, Integer> thresholds,
      Optional<Path> origin,
      String cycles) {
    this(
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
        List.of());
  }

  /** The settings with the default {@code cycles = "import-time"}. */
  public KeelConfig(
      List<String> select,
      List<String> ignore,
      List<String> exclude,
      Severity failOn,
      Optional<String> baseline,
      List<String> source,
      Map<Tier, List<String>> tiers,
      List<LayerContract> layers,
      Map<String, Integer> thresholds,
      Optional<Path> origin) {
    this(
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
        "import-time");
  }

  /** Thresholds and their defaults; a key not in here is a configuration error. */
  public static final Map<String, Integer> DEFAULT_THRESHOLDS =
      Map.of(
          "max-complexity", 7,
          "max-function-length", 60,
          "max-parameters", 5,
          "max-nesting", 4,
          "max-package-depth", 5,
          "min-annotation-coverage", 80);

  public KeelConfig {
    select = List.copyOf(select);
    ignore = List.copyOf(ignore);
    exclude = List.copyOf(exclude);
    source = List.copyOf(source);
    tiers = Map.copyOf(tiers);
    layers = List.copyOf(layers);
    thresholds = Map.copyOf(thresholds);
    configModules = List.copyOf(configModules);
    if (fileTimeout.isNegative() || fileTimeout.isZero()) {
      throw new IllegalArgumentException("file-timeout must be positive");
    }
  }

  public static KeelConfig defaults() {
    return new KeelConfig(
        List.of(),
        List.of(),
        List.of(),
        Severity.WARNING,
        Optional.empty(),
        List.of(),
        Map.of(),
        List.of(),
        DEFAULT_THRESHOLDS,
        Optional.empty());
  }

  public int threshold(String key) {
    Integer v = thresholds.get(key);
    if (v == null) {
      v = DEFAULT_THRESHOLDS.get(key);
    }
    if (v == null) {
      throw new IllegalArgumentException("unknown threshold " + key);
    }
    return v;
  }

  public KeelConfig withSelect(List<String> s) {
    return new KeelConfig(
        s,
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
        fileTimeout);
  }

  public KeelConfig withIgnore(List<String> i) {
    return new KeelConfig(
        select,
        i,
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
        fileTimeout);
  }

  public KeelConfig withFailOn(Severity f) {
    return new KeelConfig(
        select,
        ignore,
        exclude,
        f,
        baseline,
        source,
        tiers,
        layers,
        thresholds,
        origin,
        cycles,
        configModules,
        maxFileSize,
        fileTimeout);
  }

  public KeelConfig withBaseline(String b) {
    return new KeelConfig(
        select,
        ignore,
        exclude,
        failOn,
        Optional.of(b),
        source,
        tiers,
        layers,
        thresholds,
        origin,
        cycles,
        configModules,
        maxFileSize,
        fileTimeout);
  }

  public KeelConfig withMaxFileSize(long bytes) {
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
        bytes,
        fileTimeout);
  }

  public KeelConfig withFileTimeout(Duration t) {
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
        t);
  }
}
