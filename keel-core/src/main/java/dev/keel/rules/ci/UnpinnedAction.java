package dev.keel.rules.ci;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

@RuleSpec(
    code = "CI003",
    summary =
        "An action or reusable workflow is used at a branch (or with no ref), so whoever can push"
            + " to that branch changes what the workflow runs",
    severity = Severity.WARNING,
    effortMinutes = 5,
    needs = Needs.FILES)
final class UnpinnedAction implements ProjectRule {
  /** A full commit id: pinned. */
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  /** A version tag: {@code v4}, {@code v1.2.3}, {@code 2.0.0-rc1}, {@code v2.3.4+build}. */
  private static final Pattern VERSION_TAG =
      Pattern.compile("v?[0-9]+(?:[.\\-+][0-9A-Za-z.\\-+]*)?");

  @Override
  public void check(ProjectContext project, FindingSink out) {
    for (Workflows.Workflow w : Workflows.of(project).parsed()) {
      for (Workflows.Job job : w.jobs()) {
        List<Yaml> uses = new ArrayList<>();
        job.body().get("uses").ifPresent(uses::add); // a reusable workflow
        for (Yaml.Mapping step : job.steps()) {
          step.get("uses").ifPresent(uses::add);
        }
        for (Yaml u : uses) {
          if (!(u instanceof Yaml.Scalar s) || s.alias()) {
            continue;
          }
          String value = s.text().strip();
          if (value.startsWith("./") || value.startsWith("docker://") || value.contains("${{")) {
            continue; // in this repository, an image (its own rule), or computed
          }
          if (w.zizmorIgnores("unpinned-uses", s.mark().line(), s.mark().line())) {
            continue;
          }
          int at = value.lastIndexOf('@');
          String ref = at < 0 ? "" : value.substring(at + 1);
          if (SHA.matcher(ref).matches() || VERSION_TAG.matcher(ref).matches()) {
            continue;
          }
          String message =
              ref.isEmpty()
                  ? value + " has no ref: GitHub refuses it; pin it to a commit sha"
                  : value
                      + " is used at '"
                      + ref
                      + "', a branch: each run takes whatever was pushed there last; pin it to a"
                      + " commit sha (with the version in a comment) or a release tag";
          out.report(w.path, w.spanAt(s.mark(), valueWidth(w, s, value)), message);
        }
      }
    }
  }

  /** The width of the value on its line (its quotes included when it has them). */
  private static int valueWidth(Workflows.Workflow w, Yaml.Scalar s, String value) {
    String line = w.line(s.mark().line());
    int start = s.mark().column() - 1;
    int found = line.indexOf(value, Math.max(0, start));
    if (found < 0) {
      return value.length();
    }
    return found
        + value.length()
        - start
        + (line.length() > found + value.length()
                && (line.charAt(found + value.length()) == '"'
                    || line.charAt(found + value.length()) == '\'')
            ? 1
            : 0);
  }
}
