package dev.keel.cli;

import dev.keel.audit.Audit;
import dev.keel.audit.AuditResult;
import dev.keel.audit.SinceAudit;
import dev.keel.report.Format;
import dev.keel.report.Reporters;
import java.io.PrintWriter;
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
      "1:new findings at or above --fail-on",
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

  @Override
  public Integer call() {
    if (since != null) {
      return sinceRef();
    }
    AuditResult result = new Audit().run(options.request().build());
    Warnings.print(result, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    boolean colour = !noColor && Terminal.colour() && format == Format.TEXT;
    Reporters.of(format, colour, quiet).write(result.report(), out);
    out.flush();
    if (Verbosity.verbose) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("keel: " + result.timings().describe());
      err.flush();
    }
    return result.fails() ? ExitCode.FINDINGS : ExitCode.CLEAN;
  }

  private int sinceRef() {
    SinceAudit.Result result = new SinceAudit(new Audit()).run(options.request().build(), since);
    Warnings.print(result.current(), spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    boolean colour = !noColor && Terminal.colour() && format == Format.TEXT;
    Reporters.of(format, colour, quiet).write(result.report(), out);
    out.flush();
    if (Verbosity.verbose) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("keel: " + result.current().timings().describe());
      err.flush();
    }
    return result.fails() ? ExitCode.FINDINGS : ExitCode.CLEAN;
  }
}
