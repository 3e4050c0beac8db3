package dev.keel.metrics;

import dev.keel.config.ConfigException;
import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import java.io.IOException;
import java.nio.file.Files;
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
 */
public record ProjectMetrics(Path root, List<Located> callables, List<String> unparsable) {
  /** One callable and the file it is in, relative to the project root with {@code /}. */
  public record Located(String path, CallableMetrics metrics) {}

  private record FileResult(List<Located> callables, boolean parsed, String path) {}

  /** Measures the project holding {@code paths}; throws {@link ConfigException} on bad input. */
  public static ProjectMetrics of(List<Path> paths, Optional<Path> configFile) {
    Project project = ProjectDiscovery.discover(paths, configFile, UnaryOperator.identity());
    List<ProjectFile> files =
        project.pythonFiles().stream().filter(f -> project.inScope(f.path())).toList();
    List<FileResult> results = files.parallelStream().map(ProjectMetrics::measure).toList();
    List<Located> callables = new ArrayList<>();
    List<String> unparsable = new ArrayList<>();
    for (FileResult r : results) {
      callables.addAll(r.callables());
      if (!r.parsed()) {
        unparsable.add(r.path());
      }
    }
    return new ProjectMetrics(project.root(), List.copyOf(callables), List.copyOf(unparsable));
  }

  private static FileResult measure(ProjectFile file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.absolute());
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file.path() + ": " + e.getMessage());
    }
    ParseResult parse = PythonParser.parse(bytes);
    List<Located> out = new ArrayList<>();
    for (CallableMetrics m : Callables.measureAll(parse)) {
      out.add(new Located(file.path(), m));
    }
    return new FileResult(out, parse.ok(), file.path());
  }
}
