package dev.keel.cli;

import dev.keel.config.ConfigException;
import dev.keel.rule.RuleDescriptor;
import dev.keel.rule.RuleReference;
import dev.keel.rules.RuleRegistry;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keel explain CODE}: what a rule checks, why it matters and how to fix it. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain a rule: what it checks, why it matters, how to fix it.")
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CODE", description = "A rule code, such as PRJ005.")
  String code;

  @Override
  public Integer call() {
    String wanted = code.strip().toUpperCase(Locale.ROOT);
    RuleDescriptor d =
        RuleRegistry.standard()
            .byCode(wanted)
            .orElseThrow(
                () ->
                    new ConfigException(
                        "unknown rule code '" + code + "' (keel rules lists them all)"));
    PrintWriter out = spec.commandLine().getOut();
    out.print(RuleReference.explanation(d));
    out.flush();
    return ExitCode.CLEAN;
  }
}
