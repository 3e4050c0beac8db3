package dev.keel.cli;

import dev.keel.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keel version}. */
@Command(name = "version", description = "Print the version of keel.")
final class VersionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println("keel " + Version.current());
    spec.commandLine().getOut().flush();
    return ExitCode.CLEAN;
  }
}
