package dev.keel.rules.names;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.BindingKind;
import dev.keel.semantic.ImportRecord;
import dev.keel.semantic.ModuleSummary;
import dev.keel.semantic.NameIssue;
import java.util.HashSet;
import java.util.Set;

/**
 * Unused imports, in two steps. In an ordinary module the per-file step reports what the semantic
 * model found (pyflakes' semantics, minus explicit re-exports). A package's {@code __init__.py} is
 * the package's public face, so its imports are judged with the whole project in view: one that
 * another module imports from the package is a re-export, not an unused import.
 *
 * <p>A star import ({@code from .forms import *}) that no name of the module comes from is unused
 * for pyflakes; but in a module that other modules of the project import from (a package's {@code
 * __init__.py} gathering its submodules, a {@code serializers.py} gathering {@code serializers_/}),
 * it is how the module re-exports, so it is judged in the project step and reported only where
 * nothing imports the module.
 */
@RuleSpec(
    code = "NAM001",
    summary = "a module is imported and never used: a slower start-up and a false dependency",
    severity = Severity.WARNING,
    effortMinutes = 2)
final class UnusedImport implements FileRule, ProjectRule {
  @Override
  public void finish(FileVisit file) {
    boolean judgedWithTheProject = file.module().isPresent();
    if (file.path().endsWith("__init__.py") && judgedWithTheProject) {
      return;
    }
    NameIssues.report(
        file,
        NameIssue.Kind.UNUSED_IMPORT,
        i -> notReExported(i) && !(judgedWithTheProject && isStar(i)));
  }

  private static boolean notReExported(NameIssue i) {
    return i.subject().map(b -> !b.isExplicitReExport()).orElse(true);
  }

  private static boolean isStar(NameIssue i) {
    return i.subject().map(b -> b.kind() == BindingKind.STAR_IMPORT).orElse(false);
  }

  /** A star import's binding is named after its module and a star: {@code .forms.*}. */
  private static boolean isStar(ModuleSummary.UnusedImport u) {
    return u.name().endsWith(".*");
  }

  @Override
  public void check(ProjectContext project, FindingSink out) {
    Set<String> importedFromPackages = new HashSet<>();
    Set<String> importedModules = new HashSet<>();
    for (ModuleSummary m : project.modules()) {
      for (ImportRecord r : m.imports()) {
        importedModules.add(r.module());
        for (String name : r.names()) {
          // from pkg import name: name may be a submodule of pkg, imported like any module.
          importedFromPackages.add(r.module() + "." + name);
          importedModules.add(r.module() + "." + name);
        }
      }
    }
    for (ModuleSummary m : project.modules()) {
      if (m.module().isEmpty()) {
        continue;
      }
      boolean reExports = importedModules.contains(m.module());
      for (ModuleSummary.UnusedImport u : m.unusedImports()) {
        if (isStar(u) ? reExports : !m.isPackageInit()) {
          continue;
        }
        if (u.explicitReExport() || importedFromPackages.contains(m.module() + "." + u.name())) {
          continue;
        }
        out.report(
            m.path(),
            new Span(u.line(), u.column(), u.endLine(), Math.max(u.endColumn(), u.column() + 1)),
            u.message());
      }
    }
  }
}
