package dev.keel.rules.ci;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.List;
import java.util.Set;

@RuleSpec(
    code = "CI004",
    summary =
        "A workflow sets no permissions: (neither at the top nor for each job), so its token has"
            + " the repository's default, possibly write-all, permissions",
    severity = Severity.WARNING,
    effortMinutes = 10,
    needs = Needs.FILES)
final class NoPermissionsBlock implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    for (Workflows.Workflow w : Workflows.of(project).parsed()) {
      if (w.root.get("permissions").isPresent() || w.triggers().equals(Set.of("workflow_call"))) {
        continue; // a reusable workflow's token is the caller's, capped by the caller's block
      }
      List<Workflows.Job> open =
          w.jobs().stream().filter(j -> j.body().get("permissions").isEmpty()).toList();
      if (open.isEmpty()) {
        continue;
      }
      Yaml.Scalar first = open.get(0).id();
      String names =
          open.stream().map(j -> j.id().text()).limit(5).reduce((a, b) -> a + ", " + b).orElse("");
      out.report(
          w.path,
          w.spanAt(first.mark(), first.text().length()),
          "no permissions: block at the top of the workflow"
              + (open.size() == 1 ? " or in job " : " or in jobs ")
              + names
              + (open.size() > 5 ? " (and " + (open.size() - 5) + " more)" : "")
              + ": the GITHUB_TOKEN gets the repository's default permissions (write-all on"
              + " older repositories and organisations); add 'permissions: contents: read' at the"
              + " top and grant more per job where needed");
    }
  }
}
