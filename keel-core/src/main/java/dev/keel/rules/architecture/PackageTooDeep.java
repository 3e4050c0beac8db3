package dev.keel.rules.architecture;

import dev.keel.finding.Severity;
import dev.keel.project.ProjectFile;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@RuleSpec(
    code = "ARC001",
    summary = "packages are nested deeper than max-package-depth",
    severity = Severity.WARNING,
    effortMinutes = 60)
final class PackageTooDeep implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    int limit = project.config().thresholds().maxPackageDepth();
    // The first package past the limit on each branch, with the deepest depth found below it.
    Map<String, Integer> firstTooDeep = new TreeMap<>();
    Map<String, String> folderOf = new TreeMap<>();
    for (ProjectFile f : project.files(f -> f.kind() == dev.keel.project.FileKind.SOURCE)) {
      Optional<String> pkg = Packages.packageOf(f);
      if (pkg.isEmpty() || Packages.depth(pkg.get()) <= limit) {
        continue;
      }
      String[] parts = pkg.get().split("\\.");
      String first = String.join(".", java.util.Arrays.copyOf(parts, limit + 1));
      firstTooDeep.merge(first, parts.length, Math::max);
      String folder = Packages.folder(f);
      int up = parts.length - (limit + 1);
      for (int i = 0; i < up; i++) {
        folder = folder.substring(0, Math.max(0, folder.lastIndexOf('/')));
      }
      folderOf.putIfAbsent(first, folder);
    }
    for (var e : firstTooDeep.entrySet()) {
      String folder = folderOf.get(e.getKey());
      String init = folder + "/__init__.py";
      String path = project.exists(init) ? init : folder;
      out.report(
          path,
          "package "
              + e.getKey()
              + " is nested "
              + (limit + 1)
              + " deep"
              + (e.getValue() > limit + 1 ? " (down to " + e.getValue() + ")" : "")
              + ", past the limit of "
              + limit
              + ": deep trees hide where code belongs; flatten it");
    }
  }
}
