package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.ArrayList;
import java.util.List;

@RuleSpec(
    code = "PRJ001",
    summary = "The project has no pyproject.toml (only legacy setup.py/setup.cfg, or nothing)",
    severity = Severity.WARNING,
    effortMinutes = 30,
    needs = Needs.FILES)
final class NoPyprojectToml implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    if (project.exists(Pyproject.PATH)) {
      return;
    }
    List<String> legacy = new ArrayList<>();
    for (String name : List.of("setup.py", "setup.cfg")) {
      if (project.exists(name)) {
        legacy.add(name);
      }
    }
    if (legacy.isEmpty()) {
      out.report(
          Pyproject.PATH,
          "no pyproject.toml: the project declares no name, version, Python requirement or"
              + " dependencies, and its tools have no shared configuration");
    } else {
      out.report(
          Pyproject.PATH,
          "no pyproject.toml: metadata lives only in legacy "
              + String.join(" and ", legacy)
              + "; move it to a [project] table (PEP 621)");
    }
  }
}
