package dev.keel.cli;

import dev.keel.Version;
import dev.keel.config.ConfigException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code keel} command. {@link #run} does the work; {@code main} only exits with it. */
@Command(
    name = "keel",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Audits a Python codebase for the discipline that keeps it changeable.",
    subcommands = {
      CheckCommand.class,
      AstCommand.class,
      MetricsCommand.class,
      BaselineCommand.class,
      RulesCommand.class,
      ExplainCommand.class,
      InitCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Terminal.detect();
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs keel with {@code args}, printing to {@code out} and {@code err}; returns the exit code.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          String hint =
              ex.getCommandLine() == null
                  ? "keel --help"
                  : ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
          err.println("keel: " + oneLine(ex.getMessage()) + " (see " + hint + ")");
          err.flush();
          return ExitCode.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof ConfigException ce) {
            err.println("keel: " + oneLine(ce.getMessage()));
          } else {
            err.println(
                "keel: internal error: "
                    + oneLine(String.valueOf(ex))
                    + " (please report it; --verbose shows details)");
            if (Verbosity.verbose) {
              ex.printStackTrace(err);
            }
          }
          err.flush();
          return ExitCode.USAGE;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** Prints {@code keel VERSION}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"keel " + Version.current()};
    }
  }
}
