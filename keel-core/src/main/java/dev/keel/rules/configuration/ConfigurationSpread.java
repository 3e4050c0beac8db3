package dev.keel.rules.configuration;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.project.FileKind;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.ModuleFacts;
import dev.keel.semantic.ModuleSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

@RuleSpec(
    code = "CFG101",
    summary = "the environment is read in several modules instead of one configuration module",
    severity = Severity.WARNING,
    effortMinutes = 20)
final class ConfigurationSpread implements ProjectRule {
  /** Two modules reading a variable each is a choice; three or more is a spread. */
  static final int MIN_MODULES = 3;

  @Override
  public void check(ProjectContext project, FindingSink out) {
    List<String> configured = project.config().configModules();
    List<ModuleSummary> readers = new ArrayList<>();
    for (ModuleSummary s : project.modules()) {
      boolean test =
          project.project().file(s.path()).map(f -> f.kind() == FileKind.TEST).orElse(true);
      if (!test
          && !s.facts().envReads().isEmpty()
          && !ModuleRole.isStartup(s.path())
          && !ModuleRole.isConfiguration(
              s.path(),
              s.module().isEmpty() ? Optional.empty() : Optional.of(s.module()),
              configured)) {
        readers.add(s);
      }
    }
    if (readers.size() < MIN_MODULES) {
      return;
    }
    for (ModuleSummary s : readers) {
      List<ModuleFacts.EnvRead> reads = s.facts().envReads();
      TreeSet<String> names = new TreeSet<>();
      reads.forEach(r -> r.variable().ifPresent(names::add));
      ModuleFacts.EnvRead first = reads.get(0);
      String what =
          names.isEmpty()
              ? reads.size() + (reads.size() == 1 ? " read" : " reads")
              : String.join(", ", names.stream().limit(4).toList())
                  + (names.size() > 4 ? ", …" : "");
      String message =
          s.module()
              + " reads the environment ("
              + what
              + "), and so do "
              + (readers.size() - 1)
              + " other modules: nobody can see in one place what the application needs to"
              + " start; read the environment once, in a configuration module, and pass values in";
      int length = project.lineLength(s.path(), first.line());
      out.report(s.path(), Span.wholeLine(first.line(), Math.max(1, length)), message);
    }
  }
}
