package dev.keel.rule;

import dev.keel.ConfinedReader;
import dev.keel.config.ConfigException;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelConfig;
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
  private volatile Optional<TomlParseResult> pyproject;

  private final Supplier<List<ModuleSummary>> summaries;
  private volatile List<ModuleSummary> modules;
  private volatile ModuleGraph graph;

  public ProjectContext(Project project, LocalDate today) {
    this(project, today, List::of);
  }

  /**
   * @param summaries the module summaries of the per-file step (asked for once, on first use)
   */
  public ProjectContext(Project project, LocalDate today, Supplier<List<ModuleSummary>> summaries) {
    this.project = project;
    this.today = today;
    this.summaries = summaries;
    this.reader = project.reader();
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
