package dev.keel.rule;

import dev.keel.ConfinedReader;
import dev.keel.config.ConfigException;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelConfig;
import dev.keel.coverage.ProjectCoverage;
import dev.keel.project.Project;
import dev.keel.project.ProjectFile;
import dev.keel.semantic.ModuleGraph;
import dev.keel.semantic.ModuleSummary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.tomlj.TomlParseResult;

/** What a project rule sees: the discovered files, their text on demand, and today's date. */
public final class ProjectContext {
  private final Project project;
  private final ConfinedReader reader;
  private final LocalDate today;
  private final Map<String, Optional<String>> texts = new ConcurrentHashMap<>();
  private final Map<String, int[]> lineBounds = new ConcurrentHashMap<>();
  private volatile Optional<TomlParseResult> pyproject;
  private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();

  private final Supplier<List<ModuleSummary>> summaries;
  private volatile List<ModuleSummary> modules;
  private final Supplier<List<ModuleSummary>> notebookSummaries;
  private volatile List<ModuleSummary> notebooks;
  private volatile ModuleGraph graph;
  private Optional<ProjectCoverage> coverage = Optional.empty();
  private Supplier<Map<String, Integer>> churn = Map::of;
  private volatile Map<String, Integer> changes;

  public ProjectContext(Project project, LocalDate today) {
    this(project, today, List::of);
  }

  /**
   * @param summaries the module summaries of the per-file step (asked for once, on first use)
   */
  public ProjectContext(Project project, LocalDate today, Supplier<List<ModuleSummary>> summaries) {
    this(project, today, summaries, List::of);
  }

  /**
   * @param summaries the module summaries of the per-file step (asked for once, on first use)
   * @param notebooks the summaries of the notebooks' code cells, one per notebook
   */
  public ProjectContext(
      Project project,
      LocalDate today,
      Supplier<List<ModuleSummary>> summaries,
      Supplier<List<ModuleSummary>> notebooks) {
    this.project = project;
    this.today = today;
    this.summaries = summaries;
    this.notebookSummaries = notebooks;
    this.reader = project.reader();
  }

  /** This context with coverage.py's data on the project ({@link #coverage()}). */
  public ProjectContext withCoverage(Optional<ProjectCoverage> data) {
    this.coverage = data;
    return this;
  }

  /** This context with the git history's function churn ({@link #functionChanges()}). */
  public ProjectContext withChurn(Supplier<Map<String, Integer>> functionChanges) {
    this.churn = functionChanges;
    return this;
  }

  /**
   * How many commits of the last year of git history changed each function, keyed by its path,
   * {@code '\0'} and its qualified name without {@code <locals>} ({@code Cart.add}, {@code
   * outer.inner}); read from git on first use, empty without history.
   */
  public Map<String, Integer> functionChanges() {
    Map<String, Integer> c = changes;
    if (c == null) {
      c = Map.copyOf(churn.get());
      changes = c;
    }
    return c;
  }

  /**
   * coverage.py's data on the project, when a data file was found and a selected rule reads it
   * ({@link ReadsCoverage}).
   */
  public Optional<ProjectCoverage> coverage() {
    return coverage;
  }

  /**
   * The summaries of the notebooks in scope (their code cells as one module each), in file order.
   * They are not in {@link #modules()} nor in the module graph: a notebook is not importable, it
   * only imports; the rules that count imports (the DEP family) read these as well.
   */
  public List<ModuleSummary> notebookModules() {
    List<ModuleSummary> m = notebooks;
    if (m == null) {
      m = List.copyOf(notebookSummaries.get());
      notebooks = m;
    }
    return m;
  }

  /** The summaries of the Python modules in scope, in file order. */
  public List<ModuleSummary> modules() {
    List<ModuleSummary> m = modules;
    if (m == null) {
      m = List.copyOf(summaries.get());
      modules = m;
    }
    return m;
  }

  /** The import graph over {@link #modules()}, built on first use. */
  public ModuleGraph moduleGraph() {
    ModuleGraph g = graph;
    if (g == null) {
      g = ModuleGraph.of(modules());
      graph = g;
    }
    return g;
  }

  public Project project() {
    return project;
  }

  public Path root() {
    return project.root();
  }

  public KeelConfig config() {
    return project.config();
  }

  /** The date end-of-life checks compare against; injectable for tests. */
  public LocalDate today() {
    return today;
  }

  public List<ProjectFile> files() {
    return project.files();
  }

  public List<ProjectFile> files(Predicate<ProjectFile> filter) {
    return project.files().stream().filter(filter).toList();
  }

  /** Whether a file that discovery kept (not ignored) is at {@code path}. */
  public boolean exists(String path) {
    return project.file(path).isPresent();
  }

  /**
   * A kept file's text as {@link FileText} decodes it (a Python module as the parser reads it), or
   * empty if absent, unreadable or skipped (see {@link Project#notRead}: a link out of the project,
   * a FIFO, a file too large).
   */
  public Optional<String> read(String path) {
    return texts.computeIfAbsent(
        path,
        p -> {
          if (project.file(p).isEmpty() || project.isNotRead(p)) {
            return Optional.empty();
          }
          return switch (reader.read(project.root().resolve(p), p)) {
            case ConfinedReader.Bytes b -> Optional.of(FileText.decode(p, b.bytes()));
            case ConfinedReader.Skipped s -> Optional.<String>empty();
          };
        });
  }

  /**
   * Line {@code line} (1-based) of a kept file, as {@link #read} gives its text split at {@code
   * \r\n}, {@code \r} and {@code \n}, without its end; empty when there is no such line or file.
   * The line breaks of each file are found once, so a rule that reports many findings in one file
   * does not split its text for each.
   */
  public Optional<String> sourceLine(String path, int line) {
    Optional<String> text = read(path);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    int[] bounds = lineBounds.computeIfAbsent(path, p -> bounds(text.get()));
    if (line < 1 || line > bounds.length / 2) {
      return Optional.empty();
    }
    return Optional.of(text.get().substring(bounds[2 * line - 2], bounds[2 * line - 1]));
  }

  /**
   * The length in characters of line {@code line} of a file (see {@link #sourceLine}), or 1 when
   * there is no such line: the width of the whole-line span a project finding shows.
   */
  public int lineLength(String path, int line) {
    Optional<String> text = read(path);
    if (text.isEmpty()) {
      return 1;
    }
    int[] bounds = lineBounds.computeIfAbsent(path, p -> bounds(text.get()));
    if (line < 1 || line > bounds.length / 2) {
      return 1;
    }
    return bounds[2 * line - 1] - bounds[2 * line - 2];
  }

  /** Start and end of each line, as {@code text.split("\r\n|\r|\n", -1)} cuts it. */
  private static int[] bounds(String text) {
    int[] out = new int[64];
    int n = 0;
    int start = 0;
    int len = text.length();
    for (int i = 0; i <= len; i++) {
      boolean end = i == len;
      int next = i + 1;
      if (!end) {
        char c = text.charAt(i);
        if (c == '\r') {
          end = true;
          if (i + 1 < len && text.charAt(i + 1) == '\n') {
            next = i + 2;
          }
        } else if (c == '\n') {
          end = true;
        }
      }
      if (end) {
        if (n + 2 > out.length) {
          out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[n++] = start;
        out[n++] = i;
        start = next;
        i = next - 1;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** A kept file's bytes, read now and not kept (a notebook, for its own reader). */
  public Optional<byte[]> readBytes(String path) {
    if (project.file(path).isEmpty() || project.isNotRead(path)) {
      return Optional.empty();
    }
    return reader.read(project.root().resolve(path), path) instanceof ConfinedReader.Bytes b
        ? Optional.of(b.bytes())
        : Optional.empty();
  }

  /**
   * What {@code compute} derives from this context, computed once per audit and shared by the rules
   * that ask with the same {@code type} (a family's parsed files, such as the GitHub Actions
   * workflows the CI rules read): files are read once through {@link #read}, whatever the number of
   * rules.
   */
  public <T> T derived(Class<T> type, java.util.function.Function<ProjectContext, T> compute) {
    return type.cast(derived.computeIfAbsent(type, t -> compute.apply(this)));
  }

  /** The parsed pyproject.toml at the root, if there is one (broken TOML fails discovery). */
  public Optional<TomlParseResult> pyproject() {
    Optional<TomlParseResult> p = pyproject;
    if (p == null) {
      Path file = project.root().resolve("pyproject.toml");
      p = Optional.empty();
      if (!project.isNotRead("pyproject.toml")
          && reader.read(file, "pyproject.toml") instanceof ConfinedReader.Bytes b) {
        try {
          p = Optional.of(ConfigLoader.parseToml(file, b.bytes()));
        } catch (ConfigException e) {
          p = Optional.empty();
        }
      }
      pyproject = p;
    }
    return p;
  }
}
