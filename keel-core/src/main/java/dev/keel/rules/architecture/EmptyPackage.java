package dev.keel.rules.architecture;

import dev.keel.finding.Severity;
import dev.keel.project.ProjectFile;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.List;

@RuleSpec(
    code = "ARC002",
    summary = "a package folder holds nothing but an empty __init__.py",
    severity = Severity.INFO,
    effortMinutes = 5)
final class EmptyPackage implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    List<ProjectFile> python = project.files(ProjectFile::isPython);
    for (ProjectFile f : python) {
      if (!f.name().equals("__init__.py") || f.kind() != dev.keel.project.FileKind.SOURCE) {
        continue;
      }
      String folder = Packages.folder(f);
      String prefix = folder.isEmpty() ? "" : folder + "/";
      if (folder.equals("migrations") || folder.endsWith("/migrations")) {
        // Django writes an app's first migration into it: makemigrations needs the package.
        continue;
      }
      boolean alone = python.stream().noneMatch(o -> o != f && o.path().startsWith(prefix));
      if (alone && holdsData(project, f, prefix)) {
        // Package data (templates, .xsl, .json) is read through the package: it must be one.
        continue;
      }
      if (alone && isBlank(project.read(f.path()).orElse("x"))) {
        out.report(
            f.path(),
            "package "
                + f.module().orElse(folder)
                + " holds only an empty __init__.py: remove it, or put the code it was made"
                + " for in it");
      }
    }
  }

  private static boolean holdsData(ProjectContext project, ProjectFile init, String prefix) {
    return project.files().stream().anyMatch(o -> o != init && o.path().startsWith(prefix));
  }

  private static boolean isBlank(String text) {
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        return false;
      }
    }
    return true;
  }
}
