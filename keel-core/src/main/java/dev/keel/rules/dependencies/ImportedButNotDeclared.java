package dev.keel.rules.dependencies;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;

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
    Dependencies deps = Dependencies.of(project);
    for (ImportUse use : deps.uses()) {
      if (use.optional() || use.typeCheckingOnly()) {
        continue;
      }
      if (!(deps.resolve(use.path(), use.topLevel()) instanceof Dependencies.Missing)) {
        continue; // declared, the project's own code, or installed by a declared one (DEP004)
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
