package dev.keel.cli;

import dev.keel.AtomicFile;
import dev.keel.audit.Audit;
import dev.keel.audit.ReportAudit;
import dev.keel.config.ConfigException;
import dev.keel.debt.DebtHtml;
import dev.keel.debt.DebtJson;
import dev.keel.debt.DebtMarkdown;
import dev.keel.debt.DebtModel;
import dev.keel.debt.DebtReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keel report}: the debt report a product owner reads. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write the debt report: remediation debt, its ratio and A–E rating, hotspots (churn ×"
            + " complexity from git history), the trend over past commits, and what to fix first.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the report was written", "2:usage or configuration error"})
final class ReportCommand implements Callable<Integer> {
  /** The report's formats. */
  enum ReportFormat {
    HTML,
    MARKDOWN,
    JSON;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Spec CommandSpec spec;

  @Mixin AuditOptions options;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: html).")
  ReportFormat format = ReportFormat.HTML;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE (replaced atomically) instead of standard output.")
  Path output;

  @Option(
      names = "--history",
      paramLabel = "N",
      description = "Past commits the trend shows, evenly spaced over the window (default: 26).")
  int history = 26;

  @Option(
      names = "--window",
      paramLabel = "MONTHS",
      description = "How far back churn and the trend look, in months (default: 12).")
  int window = 12;

  @Option(
      names = "--cost-per-line",
      paramLabel = "MINUTES",
      description = "Minutes it costs to write one line of code, for the debt ratio (default: 30).")
  double costPerLine = DebtModel.DEFAULT_COST_PER_LINE;

  @Option(
      names = "--since",
      paramLabel = "REF",
      description = "Also report what the work tree changed since git revision REF.")
  String since;

  @Override
  public Integer call() {
    ReportAudit.Options o =
        new ReportAudit.Options(history, window, costPerLine, Optional.ofNullable(since));
    DebtReport report = new ReportAudit(new Audit()).run(options.request().build(), o);
    StringWriter text = new StringWriter();
    PrintWriter w = new PrintWriter(text);
    switch (format) {
      case HTML -> DebtHtml.write(report, w);
      case MARKDOWN -> DebtMarkdown.write(report, w);
      case JSON -> DebtJson.write(report, w);
    }
    w.flush();
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      try {
        AtomicFile.write(output, text.toString().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigException("cannot write " + output + ": " + AtomicFile.why(e));
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "keel: wrote "
              + output
              + " (maintainability "
              + report.rating()
              + ", debt "
              + DebtModel.words(report.minutes())
              + ")");
      err.flush();
    }
    return ExitCode.CLEAN;
  }
}
