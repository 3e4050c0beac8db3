package dev.keel.cli;

import dev.keel.AtomicFile;
import dev.keel.audit.Audit;
import dev.keel.audit.AuditResult;
import dev.keel.audit.SinceAudit;
import dev.keel.config.ConfigException;
import dev.keel.report.Format;
import dev.keel.report.Report;
import dev.keel.report.Reporters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keel check}: audit a project and print findings. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Audit a Python project and print what needs attention.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no new finding at or above --fail-on",
      "1:new findings at or above --fail-on (never with --exit-zero)",
      "2:usage or configuration error"
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin AuditOptions options;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
  Format format = Format.TEXT;

  @Option(names = "--no-color", description = "Never colour the output.")
  boolean noColor;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only findings: no summary line.")
  boolean quiet;

  @Option(
      names = "--since",
      paramLabel = "REF",
      description =
          "The new-code gate: compare with the project at git revision REF (a branch, tag, sha,"
              + " HEAD~1), read from git objects; show only new and worsened findings and fail"
              + " only on those.")
  String since;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write the report to FILE instead of standard output, atomically (a reader never sees"
              + " half of it; a failed run leaves the old file).")
  Path output;

  @Option(
      names = "--exit-zero",
      description = "Exit 0 even when findings fail the run (usage errors still exit 2).")
  boolean exitZero;

  /**
   * How long a run goes before a progress line appears on a terminal: a second (a test may shorten
   * it with {@code -Dkeel.test.progressDelayMillis}).
   */
  private static Duration progressDelay() {
    return Duration.ofMillis(Long.getLong("keel.test.progressDelayMillis", 1000));
  }

  @Override
  public Integer call() {
    if (output != null && Files.isDirectory(output)) {
      throw new ConfigException("--output " + output + " is a folder, not a file");
    }
    if (since != null) {
      return sinceRef();
    }
    AuditResult result;
    if (Terminal.progress()) {
      try (TerminalProgress progress =
          new TerminalProgress(spec.commandLine().getErr(), progressDelay())) {
        result = new Audit().withProgress(progress).run(options.request().build());
      }
    } else {
      result = new Audit().run(options.request().build());
    }
    Warnings.print(result, spec.commandLine().getErr());
    write(result.report());
    if (Verbosity.verbose) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("keel: " + result.timings().describe());
      err.flush();
    }
    return result.fails() && !exitZero ? ExitCode.FINDINGS : ExitCode.CLEAN;
  }

  /** The report on standard output, or atomically into --output's file (never coloured). */
  private void write(Report report) {
    if (output != null) {
      StringWriter text = new StringWriter();
      PrintWriter to = new PrintWriter(text);
      Reporters.of(format, false, quiet).write(report, to);
      to.flush();
      try {
        AtomicFile.write(output, text.toString().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigException("cannot write " + output + ": " + AtomicFile.why(e));
      }
    } else {
      PrintWriter out = spec.commandLine().getOut();
      boolean colour = !noColor && Terminal.colour() && format == Format.TEXT;
      Reporters.of(format, colour, quiet).write(report, out);
      out.flush();
    }
  }

  private int sinceRef() {
    SinceAudit.Result result = new SinceAudit(new Audit()).run(options.request().build(), since);
    Warnings.print(result.current(), spec.commandLine().getErr());
    write(result.report());
    if (Verbosity.verbose) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("keel: " + result.current().timings().describe());
      err.flush();
    }
    return result.fails() && !exitZero ? ExitCode.FINDINGS : ExitCode.CLEAN;
  }
}
