package dev.keel.metrics;

import dev.keel.ConfinedReader;
import dev.keel.config.ConfigException;
import dev.keel.config.KeelConfig;
import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The measures of every function and method of a project, found as {@code keel check} finds its
 * files (project root, {@code [tool.keel]} excludes, {@code .gitignore}).
 *
 * @param root the project root
 * @param callables in path order, then source order
 * @param unparsable files with syntax errors, relative to the root: only what parsed is measured
 * @param notRead why each file Keel did not read was skipped (a link out of the project, a FIFO, a
 *     file too large), and the warnings of discovery: one line each
 */
public record ProjectMetrics(
    Path root, List<Located> callables, List<String> unparsable, List<String> notRead) {
  /** One callable and the file it is in, relative to the project root with {@code /}. */
  public record Located(String path, CallableMetrics metrics) {}

  private record FileResult(List<Located> callables, boolean parsed, String path, String skipped) {}

  /** Measures the project holding {@code paths}; throws {@link ConfigException} on bad input. */
  public static ProjectMetrics of(List<Path> paths, Optional<Path> configFile) {
    return of(paths, configFile, Optional.empty());
  }

  /**
   * @param maxFileSize replaces the configured {@code max-file-size} when present
   */
  public static ProjectMetrics of(
      List<Path> paths, Optional<Path> configFile, Optional<Long> maxFileSize) {
    UnaryOperator<KeelConfig> override =
        c -> maxFileSize.isPresent() ? c.toBuilder().maxFileSize(maxFileSize.get()).build() : c;
    return of(ProjectDiscovery.discover(paths, configFile, override));
  }

  /** Measures a discovered project's Python files in scope. */
  public static ProjectMetrics of(Project project) {
    List<ProjectFile> files =
        project.pythonFiles().stream().filter(f -> project.inScope(f.path())).toList();
    ConfinedReader reader = project.reader();
    List<String> notRead = new ArrayList<>(project.warnings());
    project.notRead().stream()
        .filter(n -> project.inScope(n.path()))
        .forEach(n -> notRead.add(n.message()));
    List<FileResult> results = files.parallelStream().map(f -> measure(f, reader)).toList();
    List<Located> callables = new ArrayList<>();
    List<String> unparsable = new ArrayList<>();
    for (FileResult r : results) {
      callables.addAll(r.callables());
      if (r.skipped() != null) {
        notRead.add(r.skipped());
      } else if (!r.parsed()) {
        unparsable.add(r.path());
      }
    }
    return new ProjectMetrics(
        project.root(), List.copyOf(callables), List.copyOf(unparsable), List.copyOf(notRead));
  }

  private static FileResult measure(ProjectFile file, ConfinedReader reader) {
    byte[] bytes;
    switch (reader.read(file.absolute(), file.path())) {
      case ConfinedReader.Bytes b -> bytes = b.bytes();
      case ConfinedReader.Skipped s -> {
        return new FileResult(List.of(), false, file.path(), s.skip().message());
      }
    }
    ParseResult parse = PythonParser.parse(bytes);
    List<Located> out = new ArrayList<>();
    for (CallableMetrics m : Callables.measureAll(parse)) {
      out.add(new Located(file.path(), m));
    }
    return new FileResult(out, parse.ok(), file.path(), null);
  }
}
