package dev.keel.rules.ci;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.Set;
import java.util.regex.Pattern;

@RuleSpec(
    code = "CI001",
    summary =
        "A pull_request_target or workflow_run workflow checks out the pull request's code and"
            + " runs it with the base repository's secrets and token",
    severity = Severity.ERROR,
    effortMinutes = 60,
    needs = Needs.FILES)
final class PullRequestTargetCheckout implements ProjectRule {
  /** Triggers that run in the base repository's context, with its secrets, for a fork's change. */
  private static final Set<String> PRIVILEGED = Set.of("pull_request_target", "workflow_run");

  /** Contexts that name the pull request's (the fork's) code. */
  private static final Pattern HEAD =
      Pattern.compile(
          "github\\.head_ref|github\\.event\\.pull_request\\.head\\.(?:sha|ref|repo\\.full_name)"
              + "|github\\.event\\.(?:pull_request\\.)?number"
              + "|github\\.event\\.workflow_run\\.head_(?:sha|branch)"
              + "|github\\.event\\.workflow_run\\.head_repository\\.full_name");

  /** {@code gh pr checkout …}: the pull request's branch, whatever the argument. */
  private static final Pattern GH_PR_CHECKOUT = Pattern.compile("\\bgh\\s+pr\\s+checkout\\b");

  /** A git command that takes a ref: fetch, checkout, switch, pull, reset. */
  private static final Pattern GIT_REF_COMMAND =
      Pattern.compile("\\bgit\\s+(?:-\\S+\\s+)*(?:fetch|checkout|switch|pull|reset)\\b");

  /**
   * A run: step that fetches the pull request's code itself: {@code gh pr checkout}, or a git
   * command on a line that names the head ({@code git fetch origin pull/${{ github.event.number
   * }}/head}, {@code git checkout ${{ github.event.pull_request.head.sha }}}).
   */
  private static void fetchesByHand(
      Workflows.Workflow w, Workflows.Job job, String trigger, Yaml.Scalar run, FindingSink out) {
    for (Workflows.Located e : w.expressions(run)) {
      String line = w.line(e.span().line());
      if (HEAD.matcher(e.expression()).find()
          && (GIT_REF_COMMAND.matcher(line).find() || GH_PR_CHECKOUT.matcher(line).find())) {
        out.report(
            w.path,
            e.span(),
            "job '"
                + job.id().text()
                + "' runs on "
                + trigger
                + " and fetches the pull request's code by hand (${{ "
                + e.expression()
                + " }}): whatever runs from it gets the base repository's secrets and write"
                + " token; run untrusted code in a pull_request workflow instead");
        return;
      }
    }
  }

  @Override
  public void check(ProjectContext project, FindingSink out) {
    for (Workflows.Workflow w : Workflows.of(project).parsed()) {
      Set<String> on = w.triggers();
      String trigger = PRIVILEGED.stream().filter(on::contains).sorted().findFirst().orElse(null);
      if (trigger == null) {
        continue;
      }
      for (Workflows.Job job : w.jobs()) {
        steps:
        for (Yaml.Mapping step : job.steps()) {
          if (step.get("run").orElse(null) instanceof Yaml.Scalar run) {
            fetchesByHand(w, job, trigger, run, out);
            continue;
          }
          String uses = step.text("uses").orElse("");
          if (!uses.startsWith("actions/checkout@") && !uses.equals("actions/checkout")) {
            continue;
          }
          Yaml.Mapping with = step.map("with").orElse(null);
          if (with == null) {
            continue;
          }
          for (String input : new String[] {"ref", "repository"}) {
            if (with.get(input).orElse(null) instanceof Yaml.Scalar s) {
              for (Workflows.Located e : w.expressions(s)) {
                if (HEAD.matcher(e.expression()).find()) {
                  out.report(
                      w.path,
                      e.span(),
                      "job '"
                          + job.id().text()
                          + "' runs on "
                          + trigger
                          + " and checks out the pull request's code ("
                          + input
                          + ": ${{ "
                          + e.expression()
                          + " }}): anything that code runs (a build, a test, an install script)"
                          + " gets the base repository's secrets and write token; run untrusted"
                          + " code in a pull_request workflow instead");
                  continue steps;
                }
              }
            }
          }
        }
      }
    }
  }
}
