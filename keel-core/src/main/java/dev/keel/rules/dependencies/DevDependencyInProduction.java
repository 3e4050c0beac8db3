package dev.keel.rules.dependencies;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleSpec(
    code = "DEP003",
    summary = "production code imports a package declared only for development",
    severity = Severity.ERROR,
    effortMinutes = 10)
final class DevDependencyInProduction implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    List<Declared> declared = DeclaredDependencies.of(project);
    Set<String> runtime = new HashSet<>();
    Set<String> devOnly = new HashSet<>();
    for (Declared d : declared) {
      (d.dev() ? devOnly : runtime).add(d.name());
    }
    devOnly.removeAll(runtime);
    if (devOnly.isEmpty()) {
      return;
    }
    ImportNameMap map = ImportNameMap.forProject(project.root());
    for (ImportUse use : ImportUses.of(project)) {
      if (use.isTest() || use.typeCheckingOnly() || use.optional()) {
        continue;
      }
      Set<String> candidates = map.distributions(use.topLevel());
      if (!Collections.disjoint(candidates, runtime) || Collections.disjoint(candidates, devOnly)) {
        continue;
      }
      Set<String> which = new HashSet<>(candidates);
      which.retainAll(devOnly);
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
