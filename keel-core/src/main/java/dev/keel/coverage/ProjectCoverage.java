package dev.keel.coverage;

import dev.keel.ConfinedReader;
import dev.keel.project.FileKind;
import dev.keel.project.Project;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.python.source.Comment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A project's coverage data read against the project as it is now: for each Python file the data
 * describes, whether the data is older than the file (it changed after the data was taken, or the
 * data names lines that are no longer code), and, when it is not, the coverage of each callable.
 * Each file is parsed on first use and kept.
 */
public final class ProjectCoverage {
  /**
   * How much later than the data a file may be modified and still count as measured: coverage.py's
   * SQLite file records its time to the second.
   */
  static final long SLACK_SECONDS = 1;

  private final CoverageData data;
  private final Project project;
  private final Optional<Instant> taken;
  private final Map<String, Optional<FileReport>> reports = new ConcurrentHashMap<>();

  /**
   * What one file's data says.
   *
   * @param path relative to the project root
   * @param stale why the data does not describe the file as it is now, when it does not; then
   *     {@link #callables} is empty
   * @param statements the file's statement lines (the data's, else Keel's)
   * @param executed those that ran
   * @param callables the coverage of each function and method, in source order
   * @param handlers the file's {@code except} clauses and the statement lines of their bodies
   */
  public record FileReport(
      String path,
      Optional<String> stale,
      SortedSet<Integer> statements,
      SortedSet<Integer> executed,
      List<CallableCoverage> callables,
      List<StatementLines.Handler> handlers) {
    public FileReport {
      statements = FileCoverage.frozen(statements);
      executed = FileCoverage.frozen(executed);
      callables = List.copyOf(callables);
      handlers = List.copyOf(handlers);
    }

    /** Percentage of the file's statements that ran; 100 when it has none. */
    public double percent() {
      return statements.isEmpty() ? 100.0 : 100.0 * executed.size() / statements.size();
    }
  }

  private ProjectCoverage(CoverageData data, Project project) {
    this.data = data;
    this.project = project;
    this.taken = data.measuredAt().or(() -> modified(data.source()));
  }

  /**
   * The data file found for {@code project} ({@code named} by the command line, else the configured
   * one, else the usual places), read; empty when there is none. Bad data is a {@link
   * dev.keel.config.ConfigException}.
   */
  public static Optional<ProjectCoverage> load(Project project, Optional<Path> named) {
    Optional<Path> configured = named.or(() -> project.config().coverage().map(Path::of));
    Optional<Path> file = CoverageReader.locate(project.root(), configured);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Set<String> python =
        project.files().stream()
            .filter(ProjectFile::isPython)
            .map(ProjectFile::path)
            .collect(Collectors.toSet());
    return Optional.of(of(CoverageReader.read(file.get(), project.root(), python), project));
  }

  public static ProjectCoverage of(CoverageData data, Project project) {
    return new ProjectCoverage(data, project);
  }

  public CoverageData data() {
    return data;
  }

  /** When the data was taken: its own timestamp, else when its file was written. */
  public Optional<Instant> taken() {
    return taken;
  }

  /**
   * The report on a source or test module the data describes; empty for a file the data does not
   * describe (never imported by the tests, or left out by coverage.py's settings) or that cannot be
   * read or parsed now.
   */
  public Optional<FileReport> file(String path) {
    return reports.computeIfAbsent(path, this::report);
  }

  private Optional<FileReport> report(String path) {
    Optional<FileCoverage> fc = data.file(path);
    Optional<ProjectFile> pf = project.file(path);
    if (fc.isEmpty()
        || pf.isEmpty()
        || project.isNotRead(path)
        || !(pf.get().kind() == FileKind.SOURCE || pf.get().kind() == FileKind.TEST)) {
      return Optional.empty();
    }
    ParseResult parse;
    try {
      if (!(project.reader().read(pf.get().absolute(), path) instanceof ConfinedReader.Bytes b)) {
        return Optional.empty();
      }
      parse = PythonParser.parse(b.bytes());
    } catch (StackOverflowError deep) {
      return Optional.empty();
    }
    FileCoverage coverage = fc.get();
    StatementLines model = StatementLines.of(parse);
    Optional<String> stale = stale(pf.get(), coverage, parse, model);
    SortedSet<Integer> statements = new TreeSet<>(coverage.statements().orElse(model.statements()));
    statements.removeAll(coverage.excluded());
    statements.removeAll(model.docstrings());
    SortedSet<Integer> executed = model.firstLines(coverage.executed());
    executed.retainAll(statements);
    List<CallableCoverage> callables =
        stale.isPresent() ? List.of() : CallableCoverage.of(parse, coverage);
    return Optional.of(
        new FileReport(path, stale, statements, executed, callables, model.handlers()));
  }

  /** Why the data is older than the file, if it is. */
  private Optional<String> stale(
      ProjectFile file, FileCoverage coverage, ParseResult parse, StatementLines model) {
    Optional<Instant> changed = modified(file.absolute());
    if (taken.isPresent()
        && changed.isPresent()
        && changed.get().isAfter(taken.get().plusSeconds(SLACK_SECONDS))) {
      return Optional.of(
          "it changed after the data was taken (modified "
              + seconds(changed.get())
              + ", data of "
              + seconds(taken.get())
              + ")");
    }
    SortedSet<Integer> named = new TreeSet<>(coverage.executed());
    coverage.statements().ifPresent(named::addAll);
    String[] text = parse.text().split("\r\n|\r|\n", -1);
    int lineCount = text[text.length - 1].isEmpty() ? text.length - 1 : text.length;
    if (!named.isEmpty() && named.last() > lineCount) {
      return Optional.of(
          "the data names line "
              + named.last()
              + ", but the module has "
              + lineCount
              + (lineCount == 1 ? " line" : " lines")
              + " now");
    }
    Set<Integer> commentOnly = new TreeSet<>();
    for (Comment c : parse.comments()) {
      int line = parse.lines().line(c.start());
      if (parse.text().substring(parse.lines().lineStart(line), c.start()).isBlank()) {
        commentOnly.add(line);
      }
    }
    for (int line : named) {
      if (text[line - 1].isBlank() || commentOnly.contains(line)) {
        return Optional.of(
            "the data has line "
                + line
                + " as code, but it is "
                + (commentOnly.contains(line) ? "a comment" : "blank")
                + " now");
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> modified(Path file) {
    try {
      return Optional.of(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String seconds(Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}
