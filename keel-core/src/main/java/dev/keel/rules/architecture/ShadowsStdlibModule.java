package dev.keel.rules.architecture;

import dev.keel.finding.Severity;
import dev.keel.project.ProjectFile;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.rules.project.RequiresPython;
import dev.keel.semantic.PythonTables;
import dev.keel.semantic.PythonVersion;
import java.util.Optional;

@RuleSpec(
    code = "ARC005",
    summary = "a top-level module or package is named like a standard-library module it shadows",
    severity = Severity.WARNING,
    effortMinutes = 20)
final class ShadowsStdlibModule implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    PythonVersion oldest = RequiresPython.oldestTarget(project);
    for (ProjectFile f : project.files(ProjectFile::isPython)) {
      if (f.module().isEmpty() || f.module().get().contains(".")) {
        continue;
      }
      String name = f.module().get();
      if (name.startsWith("_") || name.equals("test") || name.equals("__main__")) {
        continue;
      }
      Optional<PythonVersion> in = firstVersionWith(name, oldest);
      if (in.isEmpty()) {
        continue;
      }
      String what = f.name().equals("__init__.py") ? "package" : "module";
      out.report(
          f.path(),
          what
              + " '"
              + name
              + "' shadows the standard library's "
              + name
              + ": wherever it is importable, 'import "
              + name
              + "' (in this project and in the libraries it uses) loads it instead; rename it");
    }
  }

  private static Optional<PythonVersion> firstVersionWith(String name, PythonVersion oldest) {
    PythonTables tables = PythonTables.get();
    for (int minor = oldest.minor(); minor <= PythonVersion.NEWEST_KNOWN.minor(); minor++) {
      PythonVersion v = new PythonVersion(3, minor);
      if (tables.isStdlib(name, v)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
