package dev.keel.cli;

import dev.keel.rule.RuleDescriptor;
import dev.keel.rules.RuleRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keel rules}: every rule, one line each. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List every rule: code, severity, effort, name and summary.")
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-8s %-8s %6s  %-32s %s%n", "CODE", "SEVERITY", "EFFORT", "NAME", "SUMMARY");
    for (RuleDescriptor d : RuleRegistry.standard().all()) {
      out.printf(
          "%-8s %-8s %4dm  %-32s %s%n",
          d.code(), d.severity().label(), d.effortMinutes(), d.name(), d.summary());
    }
    out.flush();
    return ExitCode.CLEAN;
  }
}
