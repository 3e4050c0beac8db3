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
    code = "DEP001",
    summary = "code imports a third-party package that no dependency declaration provides",
    severity = Severity.ERROR,
    effortMinutes = 5)
final class ImportedButNotDeclared implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    if (!DeclaredDependencies.hasDeclarationSource(project)) {
      return; // nothing declares dependencies at all: PRJ001/PRJ005 say so once
    }
    List<Declared> declared = DeclaredDependencies.of(project);
    Set<String> names = new HashSet<>();
    declared.forEach(d -> names.add(d.name()));
    ImportNameMap map = ImportNameMap.forProject(project.root());
    for (ImportUse use : ImportUses.of(project)) {
      if (use.optional() || use.typeCheckingOnly()) {
        continue;
      }
      Set<String> candidates = map.distributions(use.topLevel());
      if (!Collections.disjoint(candidates, names)) {
        continue;
      }
      out.report(
          use.path(),
          ImportUses.span(project, use),
          "'"
              + use.topLevel()
              + "' is imported but no declared dependency provides it"
              + ": a fresh install fails with ModuleNotFoundError; add it to [project]"
              + " dependencies"
              + (use.isTest() ? " or a test dependency group" : ""));
    }
  }
}
