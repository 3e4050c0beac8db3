package dev.keel.cli;

import dev.keel.audit.AuditRequest;
import dev.keel.finding.Severity;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options shared by the commands that run an audit (check, baseline). */
final class AuditOptions {
  static final int MAX_THREADS = 256;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Project folders or Python files (default: the current folder).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--select",
      split = ",",
      paramLabel = "CODE",
      description = "Families or codes to run, replacing [tool.keel] select (e.g. PRJ,SEC001).")
  List<String> select = new ArrayList<>();

  @Option(
      names = "--ignore",
      split = ",",
      paramLabel = "CODE",
      description = "Families or codes to skip, added to [tool.keel] ignore.")
  List<String> ignore = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Read settings from FILE (pyproject.toml or keel.toml).")
  Path config;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Lowest severity that fails the run: error, warning or info.")
  String failOn;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "Baseline file (default: [tool.keel] baseline, else .keel-baseline.json).")
  Path baseline;

  @Option(
      names = "--coverage",
      paramLabel = "FILE",
      description =
          "coverage.py's data: coverage.json, coverage.xml (Cobertura) or the .coverage file"
              + " (default: [tool.keel] coverage, else the first of those at the project root).")
  Path coverage;

  @Option(
      names = "--import-ruff",
      paramLabel = "FILE",
      description =
          "Add the findings of Ruff's JSON output (ruff check --output-format json > FILE),"
              + " mapped to Keel's families; those Keel also finds count once. Repeatable.")
  List<Path> importRuff = new ArrayList<>();

  @Option(
      names = "--import-mypy",
      paramLabel = "FILE",
      description =
          "Add the findings of mypy's JSON output (mypy -O json > FILE), mapped to Keel's"
              + " families; those Keel also finds count once. Repeatable.")
  List<Path> importMypy = new ArrayList<>();

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Worker threads, 1 to 256 or 4 per core if more (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      description =
          "Skip (with a finding) files larger than SIZE: bytes, or e.g. 512KB, 10MB"
              + " (default: [tool.keel] max-file-size, else 10MB).")
  String maxFileSize;

  @Option(
      names = "--file-timeout",
      paramLabel = "SECONDS",
      description =
          "Abandon the analysis of a file that runs longer, with a SYN004 finding (default:"
              + " [tool.keel] file-timeout, else 30; fractions allowed).")
  Double fileTimeout;

  @Option(
      names = "--today",
      paramLabel = "DATE",
      hidden = true,
      description = "Pretend today is DATE (yyyy-mm-dd); for tests of end-of-life checks.")
  LocalDate today;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Keep the result cache in DIR (default: $KEEL_CACHE_DIR, else .keel_cache at the"
              + " project root).")
  Path cacheDir;

  @Option(
      names = "--no-cache",
      description = "Neither read nor write the result cache: analyse every file afresh.")
  boolean noCache;

  /** The environment, replaceable by tests (the process's own cannot be changed in one). */
  static java.util.function.UnaryOperator<String> environment = System::getenv;

  @Option(
      names = "--verbose",
      description = "Print where the time went (on stderr) and details of internal errors.")
  void verbose(boolean v) {
    Verbosity.verbose = v;
  }

  /** A request from these options; a command may add to it before {@code build()}. */
  AuditRequest.Builder request() {
    AuditRequest.Builder request = AuditRequest.builder(paths);
    if (failOn != null) {
      request.failOn(
          Severity.parse(failOn)
              .orElseThrow(
                  () ->
                      new dev.keel.config.ConfigException(
                          "--fail-on must be error, warning or info, not '" + failOn + "'")));
    }
    int cores = Runtime.getRuntime().availableProcessors();
    int n = threads == null ? cores : threads;
    // More threads than that only cost memory (each has its own stack) and start-up time; an
    // absurd number is a typo, not a wish.
    int max = Math.max(MAX_THREADS, 4 * cores);
    if (n < 1 || n > max) {
      throw new dev.keel.config.ConfigException(
          "--threads must be between 1 and " + max + ", not " + n);
    }
    request.threads(n).select(codes(select)).ignore(codes(ignore));
    if (config != null) {
      request.configFile(config);
    }
    if (baseline != null) {
      request.baseline(baseline);
    }
    if (coverage != null) {
      request.coverage(coverage.toAbsolutePath());
    }
    request.imports(importRuff, importMypy);
    if (today != null) {
      request.today(today);
    }
    if (maxFileSize != null) {
      request.maxFileSize(Inputs.size(maxFileSize));
    }
    if (fileTimeout != null) {
      request.fileTimeout(dev.keel.config.KeelConfig.fileTimeout(fileTimeout, "--file-timeout"));
    }
    if (!noCache) {
      String fromEnvironment = environment.apply("KEEL_CACHE_DIR");
      Path folder =
          cacheDir != null
              ? cacheDir
              : fromEnvironment == null || fromEnvironment.isBlank()
                  ? null
                  : Path.of(fromEnvironment);
      request.cache(java.util.Optional.ofNullable(folder).map(Path::toAbsolutePath));
    }
    return request;
  }

  private static List<String> codes(List<String> raw) {
    List<String> out = new ArrayList<>();
    for (String s : raw) {
      String t = s.strip().toUpperCase(java.util.Locale.ROOT);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }
}
