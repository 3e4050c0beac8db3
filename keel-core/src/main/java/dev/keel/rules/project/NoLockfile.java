package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.project.ProjectFile;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.List;
import java.util.Optional;

@RuleSpec(
    code = "PRJ005",
    summary = "No lockfile pins the versions the project was tested with",
    severity = Severity.WARNING,
    effortMinutes = 15,
    needs = Needs.FILES)
final class NoLockfile implements ProjectRule {
  static final List<String> LOCKFILES =
      List.of("uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock", "pylock.toml");

  @Override
  public void check(ProjectContext project, FindingSink out) {
    for (String name : LOCKFILES) {
      if (project.exists(name)) {
        return;
      }
    }
    if (!project.files(f -> f.path().matches("pylock\\.[^/]+\\.toml")).isEmpty()) {
      return; // PEP 751 names: pylock.<name>.toml
    }
    String unpinnedFile = null;
    String unpinnedLine = null;
    for (ProjectFile f : project.files(f -> RequirementsFile.isRequirementsPath(f.path()))) {
      Optional<String> text = project.read(f.path());
      if (text.isEmpty()) {
        continue;
      }
      Optional<String> unpinned = RequirementsFile.firstUnpinned(text.get());
      if (unpinned.isEmpty()) {
        return; // a fully pinned requirements file is a lockfile
      }
      if (unpinnedFile == null) {
        unpinnedFile = f.path();
        unpinnedLine = unpinned.get();
      }
    }
    String message =
        "no lockfile (uv.lock, poetry.lock, pdm.lock, Pipfile.lock, pylock.toml or a fully pinned"
            + " requirements file): every install may resolve different dependency versions";
    if (unpinnedFile != null) {
      message += "; " + unpinnedFile + " does not pin \"" + unpinnedLine + "\"";
    }
    boolean pointAtRequirements = !project.exists(Pyproject.PATH) && unpinnedFile != null;
    out.report(pointAtRequirements ? unpinnedFile : Pyproject.PATH, message);
  }
}
