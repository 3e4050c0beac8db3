package dev.keel.rules.ci;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleSpec(
    code = "CI002",
    summary =
        "An attacker-controlled value (${{ github.event.issue.title }}, a branch name, a commit"
            + " message…) is expanded into a run: script",
    severity = Severity.ERROR,
    effortMinutes = 15,
    needs = Needs.FILES)
final class ScriptInjection implements ProjectRule {
  /** A context reference inside an expression: {@code github.event.commits[0].message}. */
  private static final Pattern CONTEXT =
      Pattern.compile("\\bgithub\\.[A-Za-z0-9_.*\\-]+(?:\\[[^\\]]*][A-Za-z0-9_.*\\-]*)*");

  /**
   * GitHub's hardening guide: untrusted values "typically end with body, default_branch, email,
   * head_ref, label, message, name, page_name, ref and title".
   */
  private static final Set<String> UNTRUSTED_ENDINGS =
      Set.of(
          "body",
          "default_branch",
          "email",
          "head_ref",
          "label",
          "message",
          "name",
          "page_name",
          "ref",
          "title",
          "head_branch");

  @Override
  public void check(ProjectContext project, FindingSink out) {
    for (Workflows.Workflow w : Workflows.of(project).parsed()) {
      for (Workflows.Job job : w.jobs()) {
        for (Yaml.Mapping step : job.steps()) {
          Optional<Yaml> script = step.get("run");
          String where = "run:";
          if (script.isEmpty()
              && step.text("uses").orElse("").startsWith("actions/github-script")) {
            script = step.map("with").flatMap(m -> m.get("script"));
            where = "github-script's script:";
          }
          if (script.isEmpty() || !(script.get() instanceof Yaml.Scalar s)) {
            continue;
          }
          String in = where;
          for (Workflows.Located e : w.expressions(s)) {
            if (w.zizmorIgnores("template-injection", s.mark().line(), e.span().line())) {
              continue;
            }
            untrusted(e.expression())
                .ifPresent(
                    context ->
                        out.report(
                            w.path,
                            e.span(),
                            "${{ "
                                + context
                                + " }} is expanded into "
                                + in
                                + " before the shell runs it, so whoever writes it (a title, a"
                                + " branch name, a commit message) writes code: pass it through"
                                + " env: and use \"$VAR\""));
          }
        }
      }
    }
  }

  /** The first attacker-controlled context the expression reads, if any. */
  static Optional<String> untrusted(String expression) {
    Matcher m = CONTEXT.matcher(expression);
    while (m.find()) {
      String c = m.group();
      if (isUntrusted(c)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  static boolean isUntrusted(String context) {
    if (context.equals("github.head_ref")) {
      return true;
    }
    if (!context.startsWith("github.event.")) {
      return false; // github.ref, github.sha, github.repository… are set by GitHub or the owner
    }
    String path = context.replaceAll("\\[[^\\]]*]", ".*");
    // The base repository's own values, workflow_dispatch inputs (only writers can dispatch),
    // and labels (only triagers can set them) are not the attacker's.
    if (path.startsWith("github.event.repository.")
        || path.startsWith("github.event.inputs.")
        || path.contains(".base.")
        || path.contains(".labels.")
        || path.equals("github.event.ref")
        || path.equals("github.event.base_ref")) {
      return false;
    }
    String last = path.substring(path.lastIndexOf('.') + 1);
    if (!UNTRUSTED_ENDINGS.contains(last)) {
      return false;
    }
    if (last.equals("name")) {
      // A person's name (author, committer, pusher) is free text; a repository's or a label's
      // name is restricted to characters a shell does not act on.
      return path.contains(".author.") || path.contains(".committer.") || path.contains(".pusher.");
    }
    if (last.equals("ref")) {
      return path.contains(".head.");
    }
    return true;
  }
}
