package dev.keel.cli;

import dev.keel.Version;
import dev.keel.config.ConfigException;
import dev.keel.report.Escape;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
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
      ReportCommand.class,
      AstCommand.class,
      MetricsCommand.class,
      BaselineCommand.class,
      TestsCommand.class,
      RulesCommand.class,
      ExplainCommand.class,
      InitCommand.class,
      VersionCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  // Built before they are needed: when memory has run out, printing a ready string still works.
  static final String OUT_OF_MEMORY =
      "keel: out of memory reading the project; raise the heap with KEEL_JAVA_OPTS=-Xmx4g or skip"
          + " large files with --max-file-size";
  static final String OUT_OF_STACK =
      "keel: out of stack space on a file that nests too deeply; raise the stack with"
          + " KEEL_JAVA_OPTS=-Xss64m, or exclude the file";
  static final String NO_THREADS =
      "keel: cannot start another thread; use fewer --threads or raise the limit on processes"
          + " (ulimit -u)";
  static final String NO_FILES =
      "keel: too many open files; raise the limit (ulimit -n 4096) or use fewer --threads";

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    // Not System.out: a PrintStream swallows write errors, and a full disk or a closed pipe must
    // fail the run rather than exit 0 having written nothing.
    Stdout stdout = new Stdout(new FileOutputStream(FileDescriptor.out));
    PrintWriter out =
        new PrintWriter(
            new OutputStreamWriter(
                new BufferedOutputStream(stdout, 1 << 16), StandardCharsets.UTF_8));
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught(err, thread, e));
    int code;
    try {
      Terminal.detect();
      code = run(out, err, stdout::failure, args);
    } catch (VirtualMachineError e) {
      code = fail(err, e);
    }
    err.flush();
    System.exit(code);
  }

  /**
   * Runs keel with {@code args}, printing to {@code out} and {@code err}; returns the exit code.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, () -> null, args);
  }

  /**
   * @param outFailure what went wrong when writing to {@code out} failed, when it is known
   */
  static int run(
      PrintWriter out, PrintWriter err, Supplier<IOException> outFailure, String... args) {
    // --verbose sets it; one run's flag must not leak into the next run in the same process.
    Verbosity.verbose = false;
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
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> fail(err, ex));
    int code;
    try {
      code = cl.execute(args);
    } catch (VirtualMachineError | RuntimeException e) {
      // An Error picocli does not catch, or one rethrown around it: the same one line.
      code = fail(err, e);
    }
    out.flush();
    if (out.checkError()) {
      IOException why = outFailure.get();
      err.println(
          "keel: cannot write the output"
              + (why == null || why.getMessage() == null ? "" : ": " + oneLine(why.getMessage())));
      code = ExitCode.USAGE;
    }
    err.flush();
    return code;
  }

  /** Prints the one line for {@code ex} (its trace too with --verbose) and returns exit code 2. */
  static int fail(PrintWriter err, Throwable ex) {
    String line = exhaustion(ex);
    if (line == null && ex instanceof ConfigException ce) {
      // One line by contract: a line break in it came from the input, and is shown as "\n".
      line = "keel: " + Escape.text(String.valueOf(ce.getMessage()).strip());
    } else if (line == null) {
      line =
          "keel: internal error: "
              + oneLine(String.valueOf(ex))
              + " (please report it; --verbose shows details)";
    }
    err.println(line);
    if (Verbosity.verbose && !(ex instanceof ConfigException)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCode.USAGE;
  }

  /**
   * The line for a resource that ran out, wherever in the chain of causes it sits (errors from
   * worker threads come wrapped), or null.
   */
  static String exhaustion(Throwable ex) {
    int depth = 0;
    for (Throwable c = ex; c != null && depth < 32; c = c.getCause(), depth++) {
      if (c instanceof OutOfMemoryError oom) {
        String m = String.valueOf(oom.getMessage());
        return m.contains("native thread") ? NO_THREADS : OUT_OF_MEMORY;
      }
      if (c instanceof StackOverflowError) {
        return OUT_OF_STACK;
      }
      if (String.valueOf(c.getMessage()).contains("Too many open files")) {
        return NO_FILES;
      }
      if (c instanceof VirtualMachineError) {
        return "keel: the Java virtual machine failed: "
            + oneLine(String.valueOf(c))
            + " (--verbose shows details)";
      }
    }
    return null;
  }

  /**
   * A thread keel started died. When it ran out of a resource, the results cannot be trusted: one
   * line and exit 2 at once, rather than Java's trace and a run that carries on without it.
   */
  private static void uncaught(PrintWriter err, Thread thread, Throwable e) {
    if (exhaustion(e) != null || e instanceof VirtualMachineError) {
      fail(err, e);
      Runtime.getRuntime().halt(ExitCode.USAGE);
    }
    err.println(
        "keel: internal error in thread "
            + thread.getName()
            + ": "
            + oneLine(String.valueOf(e))
            + " (please report it; --verbose shows details)");
    if (Verbosity.verbose) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  /** One line, with what the repository put in it (names, paths) escaped. */
  static String oneLine(String s) {
    return s == null ? "" : Escape.text(s.strip().replaceAll("\\s*\\R\\s*", " "));
  }

  /** Standard output that remembers why a write failed (PrintWriter keeps only that it did). */
  private static final class Stdout extends FilterOutputStream {
    private volatile IOException failure;

    Stdout(OutputStream out) {
      super(out);
    }

    IOException failure() {
      return failure;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }
  }

  /** Prints {@code keel VERSION}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"keel " + Version.current()};
    }
  }
}
