package dev.keel.audit;

import dev.keel.ConfinedReader;
import dev.keel.Version;
import dev.keel.config.ConfigException;
import dev.keel.config.KeelConfig;
import dev.keel.config.Tier;
import dev.keel.judge.Baseline;
import dev.keel.judge.Fingerprints;
import dev.keel.judge.Suppressions;
import dev.keel.project.FileKind;
import dev.keel.project.IgnoreRules;
import dev.keel.project.NotRead;
import dev.keel.project.Project;
import dev.keel.project.ProjectContext;
import dev.keel.project.ProjectDiscovery;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.rule.FileRules;
import dev.keel.rule.FileVisit;
import dev.keel.rule.Finding;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleDescriptor;
import dev.keel.rule.RuleRegistry;
import dev.keel.rule.Span;
import dev.keel.semantic.ModuleContext;
import dev.keel.semantic.ModuleSummary;
import dev.keel.semantic.PythonVersion;
import dev.keel.semantic.SemanticModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs the whole data flow of DESIGN.md: discover, per-file analysis (in parallel), project
 * analysis, judge (suppressions, tiers, baseline) and hands the result to a reporter.
 */
public final class Audit {
  private final RuleRegistry registry;

  public Audit(RuleRegistry registry) {
    this.registry = registry;
  }

  public Audit() {
    this(RuleRegistry.standard());
  }

  /** Per-file facts that outlive the per-file step: no syntax tree among them. */
  private record FileOutcome(
      long lines,
      List<Finding> findings,
      Optional<ModuleSummary> summary,
      Optional<NotRead> notRead) {
    FileOutcome(long lines, List<Finding> findings, Optional<ModuleSummary> summary) {
      this(lines, findings, summary, Optional.empty());
    }
  }

  public AuditResult run(AuditRequest request) {
    UnaryOperator<KeelConfig> override =
        c -> {
          KeelConfig out = c;
          if (!request.select().isEmpty()) {
            out = out.withSelect(request.select());
          }
          if (!request.ignore().isEmpty()) {
            List<String> all = new ArrayList<>(out.ignore());
            all.addAll(request.ignore());
            out = out.withIgnore(all);
          }
          if (request.failOn().isPresent()) {
            out = out.withFailOn(request.failOn().get());
          }
          if (request.maxFileSize().isPresent()) {
            out = out.withMaxFileSize(request.maxFileSize().get());
          }
          return out;
        };
    long t0 = System.nanoTime();
    Project discovered = ProjectDiscovery.discover(request.paths(), request.configFile(), override);
    Project project = discovered;
    KeelConfig config = project.config();
    String where = config.origin().map(p -> "[tool.keel] of " + p).orElse("configuration");
    List<RuleDescriptor> rules =
        RuleSelection.choose(
            registry,
            config.select(),
            request.select().isEmpty() ? where + " select" : "--select",
            config.ignore(),
            request.ignore().isEmpty() ? where + " ignore" : "--ignore or " + where);

    List<ProjectFile> python =
        discovered.pythonFiles().stream().filter(f -> discovered.inScope(f.path())).toList();
    FileRules fileRules = new FileRules(rules);
    PythonVersion target = targetPython(project, request.today());
    boolean semantics = rules.stream().anyMatch(d -> d.needs() == Needs.SEMANTICS);
    PhaseClock clock = new PhaseClock();
    long t1 = System.nanoTime();
    ConfinedReader reader = project.reader();
    List<FileOutcome> outcomes =
        perFile(python, request.threads(), fileRules, config, target, semantics, clock, reader);
    long t2 = System.nanoTime();

    List<Finding> raw = new ArrayList<>();
    long lines = 0;
    List<ModuleSummary> summaries = new ArrayList<>();
    List<NotRead> lateSkips = new ArrayList<>();
    for (FileOutcome o : outcomes) {
      lines += o.lines();
      raw.addAll(o.findings());
      o.summary().ifPresent(summaries::add);
      o.notRead().ifPresent(lateSkips::add);
    }
    if (!lateSkips.isEmpty()) {
      // Files that discovery found readable but that could not be read after all: reported like
      // the others, never silently left out.
      List<NotRead> all = new ArrayList<>(project.notRead());
      all.addAll(lateSkips);
      all.sort(java.util.Comparator.comparing(NotRead::path));
      project =
          new Project(
              project.root(), config, project.files(), project.scope(), all, project.warnings());
      python =
          python.stream()
              .filter(f -> !lateSkips.stream().anyMatch(n -> n.path().equals(f.path())))
              .toList();
    }
    List<ProjectFile> readable = python;
    // When the per-file step built no summaries (no selected rule needed the semantic model),
    // project rules that ask for the modules get them summarised on demand.
    boolean summarised = !fileRules.isEmpty() && semantics;
    Supplier<List<ModuleSummary>> modules =
        summarised ? () -> summaries : () -> summarise(readable, target, reader);
    ProjectContext context = new ProjectContext(project, request.today(), modules);
    for (RuleDescriptor d : rules) {
      if (d.rule() instanceof ProjectRule pr) {
        pr.check(context, sinkFor(d, raw));
      }
    }

    long t3 = System.nanoTime();
    FileTexts texts = new FileTexts(project.root(), reader);
    List<Finding> kept = judge(project, raw, texts);
    kept = Fingerprints.assign(kept, texts::line);
    Baseline baseline = Baseline.empty();
    Optional<Path> baselineFile = baselineFile(request, project);
    if (request.useBaseline()
        && baselineFile.isPresent()
        && Files.exists(baselineFile.get(), LinkOption.NOFOLLOW_LINKS)) {
      // A baseline named by the repository (the default name, [tool.keel] baseline) must really
      // be in the project; one given with --baseline is read wherever it points.
      Optional<Path> confine =
          request.baseline().isPresent() ? Optional.empty() : Optional.of(project.root());
      baseline = Baseline.read(baselineFile.get(), confine);
    } else if (request.useBaseline() && request.baseline().isPresent()) {
      throw new ConfigException("baseline file does not exist: " + request.baseline().get());
    }
    List<Finding> marked = new ArrayList<>(kept.size());
    for (Finding f : kept) {
      marked.add(f.withBaselined(baseline.contains(f.fingerprint())));
    }
    long t4 = System.nanoTime();
    Timings timings =
        new Timings(
            t1 - t0,
            t2 - t1,
            clock.parse.sum(),
            clock.semantic.sum(),
            clock.rules.sum(),
            t3 - t2,
            t4 - t3);
    return new AuditResult(
        Version.current(),
        project.root(),
        marked,
        rules,
        python.size(),
        lines,
        config.failOn(),
        texts,
        timings,
        project.notRead().stream().map(NotRead::path).toList(),
        project.warnings());
  }

  /** The baseline file in use: --baseline, else the configured one, else the default name. */
  public static Optional<Path> baselineFile(AuditRequest request, Project project) {
    if (request.baseline().isPresent()) {
      return request.baseline();
    }
    String name = project.config().baseline().orElse(KeelConfig.DEFAULT_BASELINE);
    return Optional.of(project.root().resolve(name));
  }

  /**
   * The oldest Python that {@code requires-python} admits: names may use only the builtins that
   * version has. Without one, the newest Python Keel knows.
   */
  private static PythonVersion targetPython(Project project, LocalDate today) {
    return new ProjectContext(project, today)
        .pyproject()
        .map(toml -> toml.get("project.requires-python"))
        .filter(String.class::isInstance)
        .flatMap(spec -> PythonVersion.lowestAdmitted((String) spec))
        .orElse(ModuleContext.DEFAULT_VERSION);
  }

  private static ModuleContext where(ProjectFile file, PythonVersion target) {
    ModuleContext plain = FileVisit.moduleContext(file);
    return new ModuleContext(plain.module(), plain.isPackageInit(), target);
  }

  /** Time spent in each per-file phase, summed over worker threads. */
  private static final class PhaseClock {
    final LongAdder parse = new LongAdder();
    final LongAdder semantic = new LongAdder();
    final LongAdder rules = new LongAdder();
  }

  private List<FileOutcome> perFile(
      List<ProjectFile> files,
      int threads,
      FileRules fileRules,
      KeelConfig config,
      PythonVersion target,
      boolean semantics,
      PhaseClock clock,
      ConfinedReader reader) {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      // Results come back in file order whatever the thread count, so output is stable.
      return pool.submit(
              () ->
                  files.parallelStream()
                      .map(f -> analyse(f, fileRules, config, target, semantics, clock, reader))
                      .toList())
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static FileOutcome analyse(
      ProjectFile file,
      FileRules fileRules,
      KeelConfig config,
      PythonVersion target,
      boolean semantics,
      PhaseClock clock,
      ConfinedReader reader) {
    long start = System.nanoTime();
    byte[] bytes;
    switch (reader.read(file.absolute(), file.path())) {
      case ConfinedReader.Bytes b -> bytes = b.bytes();
      case ConfinedReader.Skipped s -> {
        NotRead n = new NotRead(file.path(), s.skip().reason(), s.skip().message());
        return new FileOutcome(0, List.of(), Optional.empty(), Optional.of(n));
      }
    }
    long lines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
      lines++;
    }
    if (fileRules.isEmpty()) {
      clock.parse.add(System.nanoTime() - start);
      return new FileOutcome(lines, List.of(), Optional.empty());
    }
    // The syntax tree lives only inside this call: findings and the summary outlive it, the tree
    // does not.
    ParseResult parse = PythonParser.parse(bytes);
    long parsed = System.nanoTime();
    clock.parse.add(parsed - start);
    if (!semantics) {
      // Only syntax rules are selected: no semantic model, no summary.
      List<Finding> findings = fileRules.check(file, parse, config, null);
      clock.rules.add(System.nanoTime() - parsed);
      return new FileOutcome(lines, findings, Optional.empty());
    }
    ModuleContext where = where(file, target);
    SemanticModel model = SemanticModel.of(parse, where);
    ModuleSummary summary =
        ModuleSummary.of(file.path(), where, parse, model, file.kind() == FileKind.TEST);
    long modelled = System.nanoTime();
    clock.semantic.add(modelled - parsed);
    List<Finding> findings = fileRules.check(file, parse, config, model);
    clock.rules.add(System.nanoTime() - modelled);
    return new FileOutcome(lines, findings, Optional.of(summary));
  }

  private static List<ModuleSummary> summarise(
      List<ProjectFile> files, PythonVersion target, ConfinedReader reader) {
    return files.parallelStream()
        .map(
            f -> {
              try {
                ParseResult parse = PythonParser.parse(reader.readOrThrow(f.absolute(), f.path()));
                ModuleContext where = where(f, target);
                return ModuleSummary.of(
                    f.path(),
                    where,
                    parse,
                    SemanticModel.of(parse, where),
                    f.kind() == FileKind.TEST);
              } catch (IOException e) {
                throw new ConfigException("cannot read " + f.path() + ": " + e.getMessage());
              }
            })
        .toList();
  }

  private static FindingSink sinkFor(RuleDescriptor d, List<Finding> out) {
    return new FindingSink() {
      @Override
      public void report(String path, Span span, String message) {
        add(path, Optional.of(span), message);
      }

      @Override
      public void report(String path, String message) {
        add(path, Optional.empty(), message);
      }

      private void add(String path, Optional<Span> span, String message) {
        synchronized (out) {
          out.add(
              new Finding(
                  d.code(), d.severity(), message, path, span, d.effortMinutes(), "", false));
        }
      }
    };
  }

  /** Drops findings outside the asked scope, in a prototype tier, or suppressed in source. */
  private static List<Finding> judge(Project project, List<Finding> raw, FileTexts texts) {
    Map<Tier, IgnoreRules> tiers = new HashMap<>();
    project
        .config()
        .tiers()
        .forEach((t, patterns) -> tiers.put(t, IgnoreRules.parse("", patterns)));
    // Each file with findings is read again for its suppression comments: in parallel, file by
    // file.
    Map<String, Suppressions> suppressions =
        raw.stream()
            .filter(f -> f.span().isPresent())
            .map(Finding::path)
            .distinct()
            .toList()
            .parallelStream()
            .collect(
                java.util.stream.Collectors.toConcurrentMap(
                    p -> p, p -> Suppressions.fromText(texts.text(p))));
    List<Finding> kept = new ArrayList<>();
    for (Finding f : raw) {
      if (!project.inScope(f.path())) {
        continue;
      }
      if (tierOf(tiers, f.path()) == Tier.PROTOTYPE
          && !(f.code().startsWith("SEC") || f.code().startsWith("SYN"))) {
        continue;
      }
      if (f.span().isPresent()) {
        Suppressions s = suppressions.get(f.path());
        if (s.suppresses(f.span().get().line(), f.code())) {
          continue;
        }
      }
      kept.add(f);
    }
    kept.sort(Finding.ORDER);
    return kept;
  }

  static Tier tierOf(Map<Tier, IgnoreRules> tiers, String path) {
    for (Tier t : List.of(Tier.PROTOTYPE, Tier.CRITICAL)) {
      IgnoreRules r = tiers.get(t);
      if (r != null && matchesPathOrParent(r, path)) {
        return t;
      }
    }
    return Tier.STANDARD;
  }

  private static boolean matchesPathOrParent(IgnoreRules rules, String path) {
    if (Boolean.TRUE.equals(rules.verdict(path, false))) {
      return true;
    }
    for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      if (Boolean.TRUE.equals(rules.verdict(path.substring(0, i), true))) {
        return true;
      }
    }
    return false;
  }
}
