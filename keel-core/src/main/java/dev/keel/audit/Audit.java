package dev.keel.audit;

import dev.keel.ConfinedReader;
import dev.keel.Version;
import dev.keel.cache.ResultCache;
import dev.keel.config.ConfigException;
import dev.keel.config.KeelConfig;
import dev.keel.config.PathIgnores;
import dev.keel.coverage.ProjectCoverage;
import dev.keel.finding.Finding;
import dev.keel.finding.Span;
import dev.keel.judge.Baseline;
import dev.keel.judge.Judge;
import dev.keel.judge.JudgedFinding;
import dev.keel.project.FileKind;
import dev.keel.project.NotRead;
import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.rule.FileRules;
import dev.keel.rule.FileVisit;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.ReadsCoverage;
import dev.keel.rule.RuleDescriptor;
import dev.keel.rules.RuleRegistry;
import dev.keel.rules.project.RequiresPython;
import dev.keel.semantic.ModuleContext;
import dev.keel.semantic.ModuleSummary;
import dev.keel.semantic.PythonVersion;
import dev.keel.semantic.SemanticModel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs the whole data flow of DESIGN.md: discover, per-file analysis (in parallel), project
 * analysis, then the {@link Judge} (suppressions, tiers, fingerprints, baseline); its result holds
 * the {@link dev.keel.report.Report} a reporter reads.
 */
public final class Audit {
  private final RuleRegistry registry;
  private Progress progress = Progress.NONE;

  public Audit(RuleRegistry registry) {
    this.registry = registry;
  }

  /** This audit, telling {@code p} how far it got (for a progress line on a terminal). */
  public Audit withProgress(Progress p) {
    this.progress = p;
    return this;
  }

  public Audit() {
    this(RuleRegistry.standard());
  }

  /**
   * Per-file facts that outlive the per-file step: no syntax tree among them.
   *
   * @param judged false when the analysis was abandoned, so no rule judged the file
   * @param notRead present when the file could not be read after all
   */
  private record FileOutcome(
      long lines,
      List<Finding> findings,
      Optional<ModuleSummary> summary,
      boolean judged,
      Optional<NotRead> notRead) {
    FileOutcome(long lines, List<Finding> findings, Optional<ModuleSummary> summary) {
      this(lines, findings, summary, true, Optional.empty());
    }
  }

  public AuditResult run(AuditRequest request) {
    UnaryOperator<KeelConfig> override =
        c -> {
          KeelConfig.Builder out = c.toBuilder();
          if (!request.select().isEmpty()) {
            out.select(request.select());
          }
          if (!request.ignore().isEmpty()) {
            List<String> all = new ArrayList<>(c.ignore());
            all.addAll(request.ignore());
            out.ignore(all);
          }
          request.failOn().ifPresent(out::failOn);
          request.maxFileSize().ifPresent(out::maxFileSize);
          return out.build();
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
    // Read before the analysis, so that a mistake in them stops the run at once.
    PathIgnores pathIgnores = PathIgnores.read(project.root(), project.reader(), config);
    RuleSelection.validatePerFileIgnores(registry, pathIgnores);
    Optional<ProjectCoverage> coverage =
        request.useCoverage() && rules.stream().anyMatch(d -> d.rule() instanceof ReadsCoverage)
            ? ProjectCoverage.load(project, request.coverage())
            : Optional.empty();

    // Every module of the project is analysed, even when only some paths were asked for (the
    // files pre-commit passes): project rules see the whole import graph and the judge keeps only
    // the findings in scope. The summary counts the files and lines in scope.
    List<ProjectFile> python = new ArrayList<>(discovered.pythonFiles());
    // Notebooks come after the modules: read as notebooks, their code cells as one module each.
    discovered.files().stream()
        .filter(f -> f.kind() == FileKind.NOTEBOOK)
        .filter(f -> discovered.inScope(f.path()) && !discovered.isNotRead(f.path()))
        .forEach(python::add);
    boolean[] inScope = new boolean[python.size()];
    for (int i = 0; i < inScope.length; i++) {
      inScope[i] = discovered.inScope(python.get(i).path());
    }
    FileRules fileRules = new FileRules(rules);
    PythonVersion target =
        RequiresPython.oldestTarget(new ProjectContext(project, request.today()));
    boolean semantics = rules.stream().anyMatch(d -> d.needs() == Needs.SEMANTICS);
    PhaseClock clock = new PhaseClock();
    Duration fileTimeout = request.fileTimeout().orElse(config.fileTimeout());
    Optional<RuleDescriptor> abandon =
        rules.stream().filter(d -> d.code().equals(Judge.ABANDONED)).findFirst();
    ConfinedReader reader = project.reader();
    Optional<FileCache> cache =
        FileCache.open(request, project.root(), config, rules, target, semantics);
    PerFile step =
        new PerFile(
            python,
            reader,
            new PerFileScheduler(request.threads(), fileTimeout),
            fileTimeout,
            abandon,
            fileRules,
            config,
            target,
            semantics,
            clock,
            cache,
            new NotebookStep(rules, config, target, semantics),
            progress);
    long t1 = System.nanoTime();
    progress.files(python.size());
    List<FileOutcome> outcomes = step.run();
    progress.project();
    long t2 = System.nanoTime();

    List<Finding> raw = new ArrayList<>();
    long lines = 0;
    int scoped = 0;
    List<ModuleSummary> summaries = new ArrayList<>();
    List<ModuleSummary> notebookSummaries = new ArrayList<>();
    List<NotRead> lateSkips = new ArrayList<>();
    List<String> unjudged = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      FileOutcome o = outcomes.get(i);
      if (inScope[i]) {
        lines += o.lines();
        scoped++;
      }
      raw.addAll(o.findings());
      if (python.get(i).kind() == FileKind.NOTEBOOK) {
        o.summary().ifPresent(notebookSummaries::add);
      } else {
        o.summary().ifPresent(summaries::add);
      }
      o.notRead().ifPresent(lateSkips::add);
      if (!o.judged()) {
        unjudged.add(python.get(i).path());
      }
    }
    if (!lateSkips.isEmpty()) {
      // Files that discovery found readable but that could not be read after all: reported like
      // the others, never silently left out.
      List<NotRead> all = new ArrayList<>(project.notRead());
      all.addAll(lateSkips);
      all.sort(java.util.Comparator.comparing(NotRead::path));
      project = project.withNotRead(all);
      for (NotRead n : lateSkips) {
        if (project.inScope(n.path())) {
          scoped--;
        }
      }
      python =
          python.stream()
              .filter(f -> !lateSkips.stream().anyMatch(n -> n.path().equals(f.path())))
              .toList();
    }
    List<ProjectFile> readable = python;
    // When the per-file step built no summaries (no selected rule needed the semantic model),
    // project rules that ask for the modules get them summarised on demand.
    boolean summarised = !fileRules.isEmpty() && semantics;
    Supplier<List<ModuleSummary>> modules = summarised ? () -> summaries : () -> step.summarise();
    ProjectContext context =
        new ProjectContext(project, request.today(), modules, () -> notebookSummaries)
            .withCoverage(coverage)
            .withChurn(() -> FunctionChurn.of(discovered.root()));
    int perFile = raw.size();
    for (RuleDescriptor d : rules) {
      if (d.rule() instanceof ProjectRule pr) {
        pr.check(context, sinkFor(d, raw));
      }
    }
    placeInNotebooks(raw.subList(perFile, raw.size()), reader, project.root());
    raw.addAll(imported(request, project.root(), raw));

    long t3 = System.nanoTime();
    FileTexts texts = new FileTexts(project.root(), reader);
    List<JudgedFinding> judged =
        new Judge(project, texts, baselineOf(request, project), pathIgnores).judge(raw);
    long t4 = System.nanoTime();
    Timings timings =
        new Timings(
            t1 - t0,
            t2 - t1,
            clock.parse.sum(),
            clock.semantic.sum(),
            clock.rules.sum(),
            t3 - t2,
            t4 - t3,
            cache.map(FileCache::describe).orElse(""));
    cache.ifPresent(FileCache::finish);
    return new AuditResult(
        Version.current(),
        project.root(),
        judged,
        rules,
        scoped,
        lines,
        config.failOn(),
        texts,
        timings,
        project.notRead().stream().map(NotRead::path).toList(),
        project.warnings(),
        unjudged);
  }

  /**
   * The baseline this run judges against: none when the request uses none or the file does not
   * exist, except that a file named with --baseline must exist.
   */
  private static Baseline baselineOf(AuditRequest request, Project project) {
    Path file = baselineFile(request, project).orElseThrow();
    if (!request.useBaseline()) {
      return Baseline.empty();
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      // A baseline named by the repository (the default name, [tool.keel] baseline) must really
      // be in the project; one given with --baseline is read wherever it points.
      Optional<Path> confine =
          request.baseline().isPresent() ? Optional.empty() : Optional.of(project.root());
      return Baseline.read(file, confine);
    }
    if (request.baseline().isPresent()) {
      throw new ConfigException("baseline file does not exist: " + request.baseline().get());
    }
    return Baseline.empty();
  }

  /** The baseline file in use: --baseline, else the configured one, else the default name. */
  public static Optional<Path> baselineFile(AuditRequest request, Project project) {
    if (request.baseline().isPresent()) {
      return request.baseline();
    }
    String name = project.config().baseline().orElse(KeelConfig.DEFAULT_BASELINE);
    return Optional.of(project.root().resolve(name));
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

  /**
   * The per-file step of one run: each file read, parsed, modelled and checked on the scheduler's
   * workers, within the deadline; a file that runs past it, or nests deeper than the worker's
   * stack, becomes one {@link Judge#ABANDONED} finding and is left out of the judged files.
   */
  private static final class PerFile {
    private final List<ProjectFile> files;
    private final ConfinedReader reader;
    private final PerFileScheduler scheduler;
    private final Duration limit;
    private final Optional<RuleDescriptor> abandon;
    private final FileRules fileRules;
    private final KeelConfig config;
    private final PythonVersion target;
    private final boolean semantics;
    private final PhaseClock clock;
    private final Optional<FileCache> cache;
    private final NotebookStep notebooks;
    private final Progress progress;

    PerFile(
        List<ProjectFile> files,
        ConfinedReader reader,
        PerFileScheduler scheduler,
        Duration limit,
        Optional<RuleDescriptor> abandon,
        FileRules fileRules,
        KeelConfig config,
        PythonVersion target,
        boolean semantics,
        PhaseClock clock,
        Optional<FileCache> cache,
        NotebookStep notebooks,
        Progress progress) {
      this.notebooks = notebooks;
      this.files = files;
      this.reader = reader;
      this.scheduler = scheduler;
      this.limit = limit;
      this.abandon = abandon;
      this.fileRules = fileRules;
      this.config = config;
      this.target = target;
      this.semantics = semantics;
      this.clock = clock;
      this.cache = cache;
      this.progress = progress;
    }

    /** The outcome of every file, in file order whatever the thread count. */
    List<FileOutcome> run() {
      return scheduler.map(
          files.size(),
          this::analyse,
          i -> abandoned(i, "did not finish within " + seconds(limit) + "; it was abandoned"));
    }

    /**
     * Module summaries for project rules when the per-file step built none, on the same workers and
     * deadline; a file abandoned here has no summary.
     */
    List<ModuleSummary> summarise() {
      List<Optional<ModuleSummary>> out =
          scheduler.map(
              files.size(),
              i -> {
                ProjectFile f = files.get(i);
                if (f.kind() == FileKind.NOTEBOOK) {
                  return Optional.<ModuleSummary>empty();
                }
                if (!(reader.read(f.absolute(), f.path()) instanceof ConfinedReader.Bytes b)) {
                  return Optional.<ModuleSummary>empty();
                }
                try {
                  ParseResult parse = PythonParser.parse(b.bytes());
                  ModuleContext where = where(f, target);
                  return Optional.of(
                      ModuleSummary.of(
                          f.path(),
                          where,
                          parse,
                          SemanticModel.of(parse, where),
                          f.kind() == FileKind.TEST));
                } catch (StackOverflowError deep) {
                  return Optional.<ModuleSummary>empty();
                }
              },
              i -> Optional.empty());
      return out.stream().flatMap(Optional::stream).toList();
    }

    private FileOutcome abandoned(int i, String why) {
      ProjectFile file = files.get(i);
      List<Finding> findings =
          abandon
              .map(
                  d ->
                      List.of(
                          new Finding(
                              d.code(),
                              d.severity(),
                              "analysis of " + file.path() + " " + why,
                              file.path(),
                              Optional.empty(),
                              d.effortMinutes())))
              .orElse(List.of());
      // The file's lines are counted here, not taken from how far its worker got, so the summary
      // is the same whatever the thread count or the moment the deadline struck.
      long count =
          reader.read(file.absolute(), file.path()) instanceof ConfinedReader.Bytes b
              ? lineCount(b.bytes())
              : 0;
      return new FileOutcome(count, findings, Optional.empty(), false, Optional.empty());
    }

    private static long lineCount(byte[] bytes) {
      long count = 0;
      for (byte b : bytes) {
        if (b == '\n') {
          count++;
        }
      }
      if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
        count++;
      }
      return count;
    }

    private FileOutcome analyse(int i) {
      try {
        return analyseOne(i);
      } finally {
        progress.fileDone();
      }
    }

    private FileOutcome analyseOne(int i) {
      ProjectFile file = files.get(i);
      long start = System.nanoTime();
      byte[] bytes;
      switch (reader.read(file.absolute(), file.path())) {
        case ConfinedReader.Bytes b -> bytes = b.bytes();
        case ConfinedReader.Skipped skip -> {
          NotRead n = new NotRead(file.path(), skip.skip().reason(), skip.skip().message());
          return new FileOutcome(0, List.of(), Optional.empty(), true, Optional.of(n));
        }
      }
      if (file.kind() == FileKind.NOTEBOOK) {
        try {
          NotebookStep.Outcome o = notebooks.analyse(file, bytes);
          clock.rules.add(System.nanoTime() - start);
          return new FileOutcome(o.lines(), o.findings(), o.summary());
        } catch (StackOverflowError deep) {
          return abandoned(i, "was abandoned: too deeply nested to analyse");
        }
      }
      long count = lineCount(bytes);
      if (fileRules.isEmpty()) {
        clock.parse.add(System.nanoTime() - start);
        return new FileOutcome(count, List.of(), Optional.empty());
      }
      Optional<ResultCache.Key> key = cache.map(c -> c.key(file, bytes));
      if (key.isPresent()) {
        Optional<FileCache.Stored> hit = cache.get().get(key.get());
        if (hit.isPresent()) {
          FileCache.Stored h = hit.get();
          clock.parse.add(System.nanoTime() - start);
          return new FileOutcome(h.lines(), h.findings(), h.summary());
        }
      }
      try {
        FileOutcome out = analyse(file, bytes, count, start);
        // A file past its deadline is abandoned by the scheduler even when its worker finishes:
        // what it computed is not stored either, so the next run abandons it the same way.
        if (key.isPresent() && System.nanoTime() - start <= limit.toNanos()) {
          cache
              .get()
              .put(key.get(), new FileCache.Stored(out.lines(), out.findings(), out.summary()));
        }
        return out;
      } catch (StackOverflowError deep) {
        // Deeper than even a worker's stack: this file is lost, the run is not.
        return abandoned(i, "was abandoned: too deeply nested to analyse");
      }
    }

    private FileOutcome analyse(ProjectFile file, byte[] bytes, long count, long start) {
      // The syntax tree lives only inside this call: findings and the summary outlive it, the
      // tree does not.
      ParseResult parse = PythonParser.parse(bytes);
      long parsed = System.nanoTime();
      clock.parse.add(parsed - start);
      if (!semantics) {
        // Only syntax rules are selected: no semantic model, no summary.
        List<Finding> findings = fileRules.check(file, parse, config, null);
        clock.rules.add(System.nanoTime() - parsed);
        return new FileOutcome(count, findings, Optional.empty());
      }
      ModuleContext where = where(file, target);
      SemanticModel model = SemanticModel.of(parse, where);
      ModuleSummary summary =
          ModuleSummary.of(file.path(), where, parse, model, file.kind() == FileKind.TEST);
      long modelled = System.nanoTime();
      clock.semantic.add(modelled - parsed);
      List<Finding> findings = fileRules.check(file, parse, config, model);
      clock.rules.add(System.nanoTime() - modelled);
      return new FileOutcome(count, findings, Optional.of(summary));
    }
  }

  /**
   * Project rules report a line of a notebook as a line of its code cells joined: each such finding
   * is placed on its cell, as the per-file step places its own.
   */
  /**
   * The findings of Ruff and mypy that the request imports, less those Keel's own rules made (the
   * same line, a code that means the same). Files outside the project are left out.
   */
  private static List<Finding> imported(
      AuditRequest request, java.nio.file.Path root, List<Finding> keel) {
    List<Finding> out = new ArrayList<>();
    for (java.nio.file.Path f : request.ruffImports()) {
      out.addAll(dev.keel.imported.ImportedFindings.ruff(f, root).findings());
    }
    for (java.nio.file.Path f : request.mypyImports()) {
      out.addAll(dev.keel.imported.ImportedFindings.mypy(f, root).findings());
    }
    return dev.keel.imported.ImportedFindings.withoutDuplicates(out, keel);
  }

  private static void placeInNotebooks(List<Finding> findings, ConfinedReader reader, Path root) {
    java.util.Map<String, Optional<dev.keel.notebook.CodeView>> views = new java.util.HashMap<>();
    findings.replaceAll(
        f -> {
          if (!f.path().endsWith(".ipynb") || f.span().isEmpty() || f.cell().isPresent()) {
            return f;
          }
          Optional<dev.keel.notebook.CodeView> view =
              views.computeIfAbsent(
                  f.path(),
                  p ->
                      reader.read(root.resolve(p), p) instanceof ConfinedReader.Bytes b
                              && dev.keel.notebook.NotebookReader.read(b.bytes())
                                  instanceof dev.keel.notebook.NotebookReader.Read r
                          ? Optional.of(dev.keel.notebook.CodeView.of(r.notebook()))
                          : Optional.empty());
          return view.map(v -> NotebookStep.place(f, v)).orElse(f);
        });
  }

  /** {@code 30 s}, {@code 0.05 s}: the limit as the user wrote it. */
  static String seconds(Duration d) {
    return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + " s";
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
          out.add(new Finding(d.code(), d.severity(), message, path, span, d.effortMinutes()));
        }
      }
    };
  }
}
