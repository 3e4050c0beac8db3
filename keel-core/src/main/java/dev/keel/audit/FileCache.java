package dev.keel.audit;

import dev.keel.Version;
import dev.keel.cache.BuildIdentity;
import dev.keel.cache.CanonicalText;
import dev.keel.cache.RecordCodec;
import dev.keel.cache.ResultCache;
import dev.keel.config.KeelConfig;
import dev.keel.finding.Finding;
import dev.keel.project.ProjectFile;
import dev.keel.python.PythonParser;
import dev.keel.rule.RuleDescriptor;
import dev.keel.rule.Scope;
import dev.keel.semantic.ModuleSummary;
import dev.keel.semantic.PythonVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The per-file step's use of the {@link ResultCache}: what a file's result depends on, and the
 * record stored for it. A result depends on the file's bytes, its path, kind and module name, the
 * run's target Python, the selected file rules (code, severity, effort, class) and the settings
 * they read; not on what only the judge or discovery reads (fail-on, tiers, the baseline, excludes,
 * size and time limits, where the settings came from). The project step always runs, on the
 * summaries, cached or not.
 */
final class FileCache {
  /** The folder at the project root when no other is named. */
  static final String DEFAULT_FOLDER = ".keel_cache";

  /** Settings no file rule reads: changing them must not cost a cold run. */
  private static final Set<String> JUDGE_ONLY =
      Set.of("failOn", "baseline", "exclude", "tiers", "origin", "maxFileSize", "fileTimeout");

  private static final RecordCodec<Stored> CODEC = RecordCodec.of(Stored.class);

  /**
   * What the cache holds for one file: what the per-file step would have computed from it.
   *
   * @param lines the file's line count
   * @param findings the file rules' findings, before judging
   * @param summary the module summary, when the run builds them
   */
  record Stored(long lines, List<Finding> findings, Optional<ModuleSummary> summary) {
    Stored {
      findings = List.copyOf(findings);
    }
  }

  private final ResultCache<Stored> cache;

  private FileCache(ResultCache<Stored> cache) {
    this.cache = cache;
  }

  /** The codec of what is stored; its schema changes whenever a stored record's shape does. */
  static RecordCodec<Stored> codec() {
    return CODEC;
  }

  /** The cache this request asks for, or empty without one or when its folder is unusable. */
  static Optional<FileCache> open(
      AuditRequest request,
      Path root,
      KeelConfig config,
      List<RuleDescriptor> rules,
      PythonVersion target,
      boolean semantics) {
    if (!request.useCache()) {
      return Optional.empty();
    }
    Path folder = request.cacheDir().orElse(root.resolve(DEFAULT_FOLDER));
    if (request.cacheDir().isEmpty() && Files.isSymbolicLink(folder)) {
      // A repository that commits .keel_cache as a link would have Keel write where it points.
      return Optional.empty();
    }
    StringBuilder settings = new StringBuilder();
    settings.append(CanonicalText.of(config, JUDGE_ONLY)).append('\n');
    settings.append("target=").append(target).append(" semantics=").append(semantics);
    for (RuleDescriptor d : rules) {
      if (d.scope() == Scope.FILE) {
        settings
            .append('\n')
            .append(d.code())
            .append(' ')
            .append(d.severity())
            .append(' ')
            .append(d.effortMinutes())
            .append(' ')
            .append(d.rule().getClass().getName());
      }
    }
    String build = BuildIdentity.of(Version.current(), Audit.class, PythonParser.class);
    return ResultCache.open(folder, CODEC, build, settings.toString()).map(FileCache::new);
  }

  /** The key of one file's result. */
  ResultCache.Key key(ProjectFile file, byte[] bytes) {
    String own = file.path() + "\n" + file.kind() + "\n" + file.module().orElse("\u0000none");
    return cache.key(own, bytes);
  }

  Optional<Stored> get(ResultCache.Key key) {
    return cache.get(key);
  }

  void put(ResultCache.Key key, Stored value) {
    cache.put(key, value);
  }

  /** Ends a run: entries unused for 30 days go (at most once a day). */
  void finish() {
    cache.prune(Instant.now());
  }

  String describe() {
    return cache.describe();
  }
}
