package dev.keel.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.keel.coverage.CallableCoverage;
import dev.keel.coverage.ProjectCoverage;
import dev.keel.metrics.CallableMetrics;
import dev.keel.metrics.ProjectMetrics;
import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import dev.keel.report.Escape;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keel metrics}: the measures of every function and method, for people or for tools. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = {
      "Print per function and method: path, qualified name (as Python's __qualname__:",
      "Class.method, outer.<locals>.inner), the line of its def and its last line, cyclomatic",
      "complexity (as radon cc counts it), length in lines, named parameters (self, cls,",
      "*args and **kwargs not counted) and the percentage of annotated parameters and returns;",
      "with coverage.py's data (--coverage, [tool.keel] coverage, else coverage.json,",
      "coverage.xml or .coverage at the root) the percentage of its statements the tests ran."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:metrics printed", "2:usage or configuration error"})
final class MetricsCommand implements Callable<Integer> {
  /** Output formats of {@code keel metrics}. */
  enum MetricsFormat {
    TEXT,
    JSON;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Project folders or Python files (default: the current folder).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
  MetricsFormat format = MetricsFormat.TEXT;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Read settings from FILE (pyproject.toml or keel.toml).")
  Path config;

  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      description =
          "Skip files larger than SIZE: bytes, or e.g. 512KB, 10MB"
              + " (default: [tool.keel] max-file-size, else 10MB).")
  String maxFileSize;

  @Option(
      names = "--coverage",
      paramLabel = "FILE",
      description =
          "coverage.py's data: coverage.json, coverage.xml (Cobertura) or the .coverage file"
              + " (default: [tool.keel] coverage, else the first of those at the project root).")
  Path coverageFile;

  @Override
  public Integer call() {
    for (Path p : paths) {
      Inputs.requireRegularFile(p, "keel metrics");
    }
    Optional<Long> size = Optional.ofNullable(maxFileSize).map(Inputs::size);
    Project project =
        ProjectDiscovery.discover(
            paths,
            Optional.ofNullable(config),
            c -> size.isPresent() ? c.toBuilder().maxFileSize(size.get()).build() : c);
    Optional<ProjectCoverage> data =
        ProjectCoverage.load(project, Optional.ofNullable(coverageFile).map(Path::toAbsolutePath));
    ProjectMetrics metrics = ProjectMetrics.of(project);
    Measured measured = new Measured(data);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (String line : metrics.notRead()) {
      err.println("keel: " + Escape.text(line));
    }
    for (String p : metrics.unparsable()) {
      err.println(
          "keel: "
              + Escape.text(p)
              + " has syntax errors; only the functions that parse are measured");
    }
    err.flush();
    if (format == MetricsFormat.JSON) {
      json(metrics, measured, out);
    } else {
      text(metrics, measured, out);
    }
    out.flush();
    return ExitCode.CLEAN;
  }

  private static double coverage(CallableMetrics m) {
    return Math.round(m.annotationCoverage() * 10) / 10.0;
  }

  /** The coverage of each callable, when there is data; stale files have none. */
  private record Measured(Optional<ProjectCoverage> data) {
    /** Empty without data; else the callable's coverage, empty when its file has none (now). */
    Optional<Optional<CallableCoverage>> of(ProjectMetrics.Located c) {
      if (data.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          data.get()
              .file(c.path())
              .flatMap(
                  r ->
                      r.callables().stream()
                          .filter(
                              cc ->
                                  cc.line() == c.metrics().line()
                                      && cc.name().equals(c.metrics().name()))
                          .findFirst()));
    }
  }

  private static double oneDecimal(double percent) {
    return Math.round(percent * 10) / 10.0;
  }

  private static void json(ProjectMetrics metrics, Measured measured, PrintWriter out) {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("callables");
      for (ProjectMetrics.Located c : metrics.callables()) {
        CallableMetrics m = c.metrics();
        g.writeStartObject();
        g.writeStringField("path", c.path());
        g.writeStringField("name", m.name());
        g.writeNumberField("line", m.line());
        g.writeNumberField("end_line", m.endLine());
        g.writeNumberField("complexity", m.complexity());
        g.writeNumberField("length", m.length());
        g.writeNumberField("parameters", m.parameters());
        g.writeNumberField("annotation_coverage", coverage(m));
        Optional<Optional<CallableCoverage>> cov = measured.of(c);
        if (cov.isPresent()) {
          // null: the data does not describe the file, or describes an older version of it
          if (cov.get().isEmpty()) {
            g.writeNullField("coverage");
          } else {
            CallableCoverage cc = cov.get().get();
            g.writeObjectFieldStart("coverage");
            g.writeNumberField("percent", oneDecimal(cc.percent()));
            g.writeNumberField("statements", cc.statements().size());
            g.writeNumberField("executed", cc.executed().size());
            g.writeArrayFieldStart("missing_lines");
            for (int l : cc.missing()) {
              g.writeNumber(l);
            }
            g.writeEndArray();
            g.writeEndObject();
          }
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      if (measured.data().isPresent()) {
        ProjectCoverage d = measured.data().get();
        g.writeObjectFieldStart("coverage_data");
        g.writeStringField("path", d.data().source().toString());
        g.writeStringField("format", d.data().format().label());
        if (d.data().toolVersion().isPresent()) {
          g.writeStringField("coverage_version", d.data().toolVersion().get());
        }
        g.writeArrayFieldStart("stale");
        for (String p : stalePaths(metrics, d)) {
          g.writeString(p);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }

  /** The measured files whose data is older than they are, in path order. */
  private static List<String> stalePaths(ProjectMetrics metrics, ProjectCoverage d) {
    return metrics.callables().stream()
        .map(ProjectMetrics.Located::path)
        .distinct()
        .filter(p -> d.file(p).flatMap(ProjectCoverage.FileReport::stale).isPresent())
        .toList();
  }

  private static void text(ProjectMetrics metrics, Measured measured, PrintWriter out) {
    List<String> where = new ArrayList<>();
    int width = "LOCATION".length();
    for (ProjectMetrics.Located c : metrics.callables()) {
      String w = Escape.text(c.path()) + ":" + c.metrics().line();
      where.add(w);
      width = Math.max(width, w.length());
    }
    boolean withCoverage = measured.data().isPresent();
    String row = "%5s %6s %6s %6s" + (withCoverage ? " %6s" : "%s") + "  %-" + width + "s  %s%n";
    out.printf(
        Locale.ROOT,
        row,
        "CC",
        "LINES",
        "PARAMS",
        "ANN%",
        withCoverage ? "COV%" : "",
        "LOCATION",
        "NAME");
    for (int i = 0; i < metrics.callables().size(); i++) {
      ProjectMetrics.Located c = metrics.callables().get(i);
      CallableMetrics m = c.metrics();
      String cov =
          measured
              .of(c)
              .map(
                  o ->
                      o.map(cc -> String.format(Locale.ROOT, "%.1f", oneDecimal(cc.percent())))
                          .orElse("-"))
              .orElse("");
      out.printf(
          Locale.ROOT,
          row,
          m.complexity(),
          m.length(),
          m.parameters(),
          String.format(Locale.ROOT, "%.1f", coverage(m)),
          cov,
          where.get(i),
          Escape.text(m.name()));
    }
    if (withCoverage) {
      for (String p : stalePaths(metrics, measured.data().get())) {
        out.println(
            "("
                + Escape.text(p)
                + ": the coverage data is older than the file, so its callables show '-')");
      }
    }
  }
}
