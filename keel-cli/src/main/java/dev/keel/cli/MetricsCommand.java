package dev.keel.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.keel.metrics.CallableMetrics;
import dev.keel.metrics.ProjectMetrics;
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
      "*args and **kwargs not counted) and the percentage of annotated parameters and returns."
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

  @Override
  public Integer call() {
    for (Path p : paths) {
      Inputs.requireRegularFile(p, "keel metrics");
    }
    ProjectMetrics metrics =
        ProjectMetrics.of(
            paths, Optional.ofNullable(config), Optional.ofNullable(maxFileSize).map(Inputs::size));
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
      json(metrics, out);
    } else {
      text(metrics, out);
    }
    out.flush();
    return ExitCode.CLEAN;
  }

  private static double coverage(CallableMetrics m) {
    return Math.round(m.annotationCoverage() * 10) / 10.0;
  }

  private static void json(ProjectMetrics metrics, PrintWriter out) {
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
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }

  private static void text(ProjectMetrics metrics, PrintWriter out) {
    List<String> where = new ArrayList<>();
    int width = "LOCATION".length();
    for (ProjectMetrics.Located c : metrics.callables()) {
      String w = Escape.text(c.path()) + ":" + c.metrics().line();
      where.add(w);
      width = Math.max(width, w.length());
    }
    String row = "%5s %6s %6s %6s  %-" + width + "s  %s%n";
    out.printf(Locale.ROOT, row, "CC", "LINES", "PARAMS", "ANN%", "LOCATION", "NAME");
    for (int i = 0; i < metrics.callables().size(); i++) {
      CallableMetrics m = metrics.callables().get(i).metrics();
      out.printf(
          Locale.ROOT,
          row,
          m.complexity(),
          m.length(),
          m.parameters(),
          String.format(Locale.ROOT, "%.1f", coverage(m)),
          where.get(i),
          Escape.text(m.name()));
    }
  }
}
