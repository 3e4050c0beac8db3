package dev.keel.rules.dependencies;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;

@RuleSpec(
    code = "DEP004",
    summary = "code imports a package it gets only as a dependency of a declared one",
    severity = Severity.WARNING,
    effortMinutes = 5)
final class TransitiveImport implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    if (!DeclaredDependencies.hasDeclarationSource(project)) {
      return;
    }
    Dependencies deps = Dependencies.of(project);
    for (ImportUse use : deps.uses()) {
      if (use.optional() || use.typeCheckingOnly()) {
        continue;
      }
      if (deps.resolve(use.path(), use.topLevel()) instanceof Dependencies.Transitive t) {
        out.report(
            use.path(),
            ImportUses.span(project, use),
            "'"
                + use.topLevel()
                + "' is imported but not declared: it is installed only because "
                + t.via()
                + " requires "
                + t.distribution()
                + ", and a release of "
                + t.via()
                + " that drops it breaks this import; declare "
                + t.distribution()
                + (use.isTest() ? " (in a test dependency group)" : "")
                + " directly");
      }
    }
  }
}
