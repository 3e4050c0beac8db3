package dev.keel.rules.architecture;

import dev.keel.finding.Severity;
import dev.keel.project.ProjectFile;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.PythonTables;
import dev.keel.semantic.PythonVersion;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleSpec(
    code = "ARC005",
    summary = "a top-level module or package is named like a standard-library module it shadows",
    severity = Severity.WARNING,
    effortMinutes = 20)
final class ShadowsStdlibModule implements ProjectRule {
  private static final Pattern LOWER_BOUND = Pattern.compile(">=?\\s*3\\.(\\d+)");

  @Override
  public void check(ProjectContext project, FindingSink out) {
    PythonVersion oldest = oldestTarget(project);
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

  /** The lower bound of requires-python, else the newest Python Keel knows. */
  static PythonVersion oldestTarget(ProjectContext project) {
    Optional<String> requires =
        project
            .pyproject()
            .map(
                t ->
                    t.isString("project.requires-python")
                        ? t.getString("project.requires-python")
                        : null);
    if (requires.isPresent()) {
      Matcher m = LOWER_BOUND.matcher(requires.get());
      if (m.find()) {
        return new PythonVersion(3, Integer.parseInt(m.group(1))).clampToKnown();
      }
    }
    return PythonVersion.NEWEST_KNOWN;
  }
}
