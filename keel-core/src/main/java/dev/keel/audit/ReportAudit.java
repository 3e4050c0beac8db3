package dev.keel.audit;

import dev.keel.ConfinedReader;
import dev.keel.config.ConfigException;
import dev.keel.config.ConfigLoader;
import dev.keel.coverage.CallableCoverage;
import dev.keel.coverage.ProjectCoverage;
import dev.keel.debt.DebtModel;
import dev.keel.debt.DebtReport;
import dev.keel.finding.Finding;
import dev.keel.history.Churn;
import dev.keel.history.GitRepository;
import dev.keel.history.HistoryException;
import dev.keel.history.TreeFileSystem;
import dev.keel.judge.JudgedFinding;
import dev.keel.metrics.ProjectMetrics;
import dev.keel.newcode.Symbols;
import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code keel report}: the work tree audited as {@code keel check} audits it, its functions
 * measured, its history read from git objects (churn per file and per function over the window, and
 * the trend: up to N past commits, evenly spaced, each audited from its tree through the same
 * pipeline), all put together as a {@link DebtReport}.
 */
public final class ReportAudit {
  /**
   * @param points how many past commits the trend shows (the newest is HEAD)
   * @param windowMonths how far back churn and the trend look
   * @param costPerLine minutes it costs to write one line of code (the debt ratio's denominator)
   * @param since a revision to report the change against, or empty
   */
  public record Options(int points, int windowMonths, double costPerLine, Optional<String> since) {
    public Options {
      if (points < 0 || windowMonths < 1 || !(costPerLine > 0)) {
        throw new ConfigException(
            "--history must be 0 or more, --window at least 1 month, --cost-per-line above 0");
      }
    }

    public static Options defaults() {
      return new Options(26, 12, DebtModel.DEFAULT_COST_PER_LINE, Optional.empty());
    }
  }

  static final int MAX_COMMITS = 20_000;

  private final Audit audit;

  public ReportAudit(Audit audit) {
    this.audit = audit;
  }

  public DebtReport run(AuditRequest request, Options options) {
    AuditResult current;
    Optional<DebtReport.Since> since = Optional.empty();
    if (options.since().isPresent()) {
      SinceAudit.Result r = new SinceAudit(audit).run(request, options.since().get());
      current = r.current();
      since = Optional.of(new DebtReport.Since(r.ref(), r.commit().id(), r.shown(), r.existing()));
    } else {
      current = audit.run(request);
    }
    Path root = current.root();
    Optional<Path> config = request.configFile().or(() -> ConfigLoader.forProject(root).origin());
    List<DebtReport.Callable> callables = callables(root, config);
    long ncloc = linesOfCode(root, config);
    List<String> symbols = symbols(current.findings(), root);
    Map<String, Double> coverage =
        request.useCoverage() ? coverage(root, config, request.coverage()) : Map.of();

    List<DebtReport.Activity> files = List.of();
    List<DebtReport.Activity> functions = List.of();
    List<DebtReport.Point> trend = List.of();
    Optional<String> commit = Optional.empty();
    Optional<Instant> date = Optional.empty();
    boolean history = false;
    Optional<GitRepository> git = openQuietly(root);
    if (git.isPresent()) {
      try (GitRepository repo = git.get()) {
        Optional<GitRepository.Commit> head = headOf(repo);
        if (head.isPresent()) {
          history = true;
          commit = Optional.of(head.get().id());
          date = Optional.of(head.get().when());
          Instant from =
              head.get()
                  .when()
                  .atZone(ZoneOffset.UTC)
                  .minusMonths(options.windowMonths())
                  .toInstant();
          List<Churn.CommitChange> changes = Churn.of(repo, from, MAX_COMMITS);
          Activity a = activity(repo, changes, root);
          files = a.files;
          functions = a.functions;
          trend = trend(repo, request, root, config, from, options);
        }
      }
    }
    DebtReport.Input input =
        new DebtReport.Input(
            root.getFileName() == null ? root.toString() : root.getFileName().toString(),
            current.version(),
            commit,
            date,
            current.findings(),
            symbols,
            current.rules(),
            ncloc,
            options.costPerLine(),
            files,
            functions,
            callables,
            trend,
            options.windowMonths(),
            history,
            since,
            coverage);
    return DebtReport.build(input);
  }

  /**
   * What coverage.py's data says of each file and function as they are now (stale files left out),
   * keyed as the hotspots are: the path, and the path, {@code '\0'} and the qualified name without
   * {@code <locals>}; empty without data.
   */
  private static Map<String, Double> coverage(
      Path root, Optional<Path> config, Optional<Path> named) {
    Project project = ProjectDiscovery.discover(List.of(root), config, c -> c);
    Optional<ProjectCoverage> data = ProjectCoverage.load(project, named);
    Map<String, Double> out = new HashMap<>();
    if (data.isEmpty()) {
      return out;
    }
    for (String path : data.get().data().files().keySet()) {
      data.get()
          .file(path)
          .filter(r -> r.stale().isEmpty())
          .ifPresent(
              r -> {
                out.put(path, r.percent());
                for (CallableCoverage c : r.callables()) {
                  if (!c.statements().isEmpty()) {
                    out.put(path + "\0" + c.name().replace(".<locals>", ""), c.percent());
                  }
                }
              });
    }
    return out;
  }

  static Optional<GitRepository> openQuietly(Path root) {
    try {
      return Optional.of(GitRepository.open(root, "keel report"));
    } catch (HistoryException e) {
      return Optional.empty(); // no history: the report says so
    }
  }

  static Optional<GitRepository.Commit> headOf(GitRepository repo) {
    try {
      return Optional.of(repo.resolve("HEAD"));
    } catch (HistoryException e) {
      return Optional.empty(); // a repository without commits yet
    }
  }

  private static List<DebtReport.Callable> callables(Path root, Optional<Path> config) {
    ProjectMetrics m = ProjectMetrics.of(List.of(root), config);
    List<DebtReport.Callable> out = new ArrayList<>();
    for (ProjectMetrics.Located l : m.callables()) {
      out.add(
          new DebtReport.Callable(
              l.path(), l.metrics().name().replace(".<locals>", ""), l.metrics().complexity()));
    }
    return out;
  }

  /** Non-blank lines that are not only a comment, over the project's Python files. */
  static long linesOfCode(Path root, Optional<Path> config) {
    Project project = ProjectDiscovery.discover(List.of(root), config, c -> c);
    ConfinedReader reader = project.reader();
    return project.pythonFiles().parallelStream()
        .mapToLong(
            f ->
                reader.read(f.absolute(), f.path()) instanceof ConfinedReader.Bytes b
                    ? ncloc(b.bytes())
                    : 0)
        .sum();
  }

  static long ncloc(byte[] bytes) {
    long n = 0;
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r\n|\r|\n")) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        n++;
      }
    }
    return n;
  }

  private static List<String> symbols(List<JudgedFinding> findings, Path root) {
    ConfinedReader reader = new ConfinedReader(root, ConfinedReader.DEFAULT_MAX_BYTES);
    Map<String, Symbols> parsed = new ConcurrentHashMap<>();
    List<String> out = new ArrayList<>(findings.size());
    for (JudgedFinding j : findings) {
      Finding f = j.finding();
      if (f.span().isEmpty() || !(f.path().endsWith(".py") || f.path().endsWith(".pyi"))) {
        out.add("");
        continue;
      }
      Symbols s =
          parsed.computeIfAbsent(
              f.path(),
              p ->
                  reader.read(root.resolve(p), p) instanceof ConfinedReader.Bytes b
                      ? Symbols.of(b.bytes())
                      : Symbols.NONE);
      out.add(s.at(f.span().get().line()));
    }
    return out;
  }

  record Activity(List<DebtReport.Activity> files, List<DebtReport.Activity> functions) {}

  /** Commits and people per file (that still exists) and per function, over the window. */
  static Activity activity(GitRepository repo, List<Churn.CommitChange> changes, Path root) {
    Map<String, Integer> fileChanges = new HashMap<>();
    Map<String, Set<String>> fileAuthors = new HashMap<>();
    Map<String, Integer> fnChanges = new HashMap<>();
    Map<String, Set<String>> fnAuthors = new HashMap<>();
    Map<String, Symbols> blobs = new HashMap<>();
    for (Churn.CommitChange c : changes) {
      for (Churn.FileChange f : c.files()) {
        fileChanges.merge(f.path(), 1, Integer::sum);
        fileAuthors.computeIfAbsent(f.path(), k -> new HashSet<>()).add(c.author());
        Symbols s = blobs.computeIfAbsent(f.blob(), id -> parseBlob(repo, id));
        Set<String> touched = new HashSet<>();
        for (int[] r : f.ranges()) {
          touched.addAll(s.touchedBy(r[0], r[1]));
        }
        for (String name : touched) {
          String key = f.path() + "\0" + name;
          fnChanges.merge(key, 1, Integer::sum);
          fnAuthors.computeIfAbsent(key, k -> new HashSet<>()).add(c.author());
        }
      }
    }
    List<DebtReport.Activity> files = new ArrayList<>();
    fileChanges.forEach(
        (p, n) -> {
          if (Files.isRegularFile(root.resolve(p))) {
            files.add(new DebtReport.Activity(p, null, n, fileAuthors.get(p).size()));
          }
        });
    List<DebtReport.Activity> functions = new ArrayList<>();
    fnChanges.forEach(
        (k, n) -> {
          int z = k.indexOf('\0');
          functions.add(
              new DebtReport.Activity(
                  k.substring(0, z), k.substring(z + 1), n, fnAuthors.get(k).size()));
        });
    return new Activity(files, functions);
  }

  private static Symbols parseBlob(GitRepository repo, String id) {
    try {
      return Symbols.of(Churn.blob(repo, id));
    } catch (HistoryException e) {
      return Symbols.NONE;
    }
  }

  /** Up to {@code points} first-parent commits in the window, evenly spaced, oldest first. */
  private List<DebtReport.Point> trend(
      GitRepository repo,
      AuditRequest request,
      Path root,
      Optional<Path> config,
      Instant from,
      Options options) {
    if (options.points() == 0) {
      return List.of();
    }
    List<GitRepository.Commit> log = repo.firstParentLog(MAX_COMMITS, from);
    List<GitRepository.Commit> oldestFirst = new ArrayList<>(log.reversed());
    List<GitRepository.Commit> picked = new ArrayList<>();
    int n = Math.min(options.points(), oldestFirst.size());
    for (int i = 0; i < n; i++) {
      int at =
          n == 1
              ? oldestFirst.size() - 1
              : (int) Math.round(i * (oldestFirst.size() - 1) / (double) (n - 1));
      GitRepository.Commit c = oldestFirst.get(at);
      if (picked.isEmpty() || !picked.get(picked.size() - 1).equals(c)) {
        picked.add(c);
      }
    }
    List<DebtReport.Point> out = new ArrayList<>();
    for (GitRepository.Commit c : picked) {
      try (TreeFileSystem tree = repo.tree(c)) {
        Path at = repo.projectIn(tree);
        if (!Files.isDirectory(at)) {
          continue;
        }
        AuditRequest.Builder b =
            AuditRequest.builder(List.of(at))
                .select(request.select())
                .ignore(request.ignore())
                .withoutBaseline()
                .withoutCoverage()
                .threads(request.threads())
                .today(request.today());
        config.ifPresent(b::configFile);
        SinceAudit.shareCache(request, root, b);
        request.maxFileSize().ifPresent(b::maxFileSize);
        request.fileTimeout().ifPresent(b::fileTimeout);
        AuditResult r;
        try {
          r = audit.run(b.build());
        } catch (ConfigException e) {
          continue; // no Python at that commit yet
        }
        long debt = r.debtMinutes();
        long loc = linesOfCode(at, config);
        double ratio = loc == 0 ? 0 : debt / (options.costPerLine() * loc);
        out.add(
            new DebtReport.Point(
                c.id(), c.when(), r.findings().size(), debt, loc, DebtModel.rating(ratio)));
      }
    }
    return out;
  }
}
