package dev.keel.rules.dependencies;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@RuleSpec(
    code = "DEP003",
    summary = "production code imports a package declared only for development",
    severity = Severity.ERROR,
    effortMinutes = 10)
final class DevDependencyInProduction implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    Dependencies deps = Dependencies.of(project);
    if (deps.declared().stream().noneMatch(Declared::dev)) {
      return;
    }
    for (ImportUse use : deps.uses()) {
      if (use.isTest() || use.typeCheckingOnly() || use.optional()) {
        continue;
      }
      List<Declared> declared = deps.declaredFor(use.path());
      boolean runtime = false;
      Set<String> which = new TreeSet<>();
      for (Declared d : declared) {
        if (deps.isEnvironmentPin(d)) {
          continue; // pinned for a development environment: says nothing about who needs it
        }
        if (deps.provides(d.name(), use.topLevel())) {
          if (d.dev()) {
            which.add(d.name());
          } else {
            runtime = true;
          }
        }
      }
      if (runtime || which.isEmpty()) {
        continue;
      }
      out.report(
          use.path(),
          ImportUses.span(project, use),
          "'"
              + use.topLevel()
              + "' is imported by production code but "
              + String.join(", ", which)
              + " is declared only for development: installs without dev extras fail; declare"
              + " it as a runtime dependency or keep it out of production code");
    }
  }
}
