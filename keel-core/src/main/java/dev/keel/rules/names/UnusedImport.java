package dev.keel.rules.names;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
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
 */
@RuleSpec(
    code = "NAM001",
    summary = "a module is imported and never used: a slower start-up and a false dependency",
    severity = Severity.WARNING,
    effortMinutes = 2)
final class UnusedImport implements FileRule, ProjectRule {
  @Override
  public void finish(FileVisit file) {
    if (file.path().endsWith("__init__.py") && file.module().isPresent()) {
      return;
    }
    NameIssues.report(file, NameIssue.Kind.UNUSED_IMPORT, UnusedImport::notReExported);
  }

  private static boolean notReExported(NameIssue i) {
    return i.subject().map(b -> !b.isExplicitReExport()).orElse(true);
  }

  @Override
  public void check(ProjectContext project, FindingSink out) {
    Set<String> importedFromPackages = new HashSet<>();
    for (ModuleSummary m : project.modules()) {
      for (ImportRecord r : m.imports()) {
        for (String name : r.names()) {
          importedFromPackages.add(r.module() + "." + name);
        }
      }
    }
    for (ModuleSummary m : project.modules()) {
      if (!m.isPackageInit() || m.module().isEmpty()) {
        continue;
      }
      for (ModuleSummary.UnusedImport u : m.unusedImports()) {
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
