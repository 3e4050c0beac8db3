package dev.keel.rules.ci;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleSpec(
    code = "CI005",
    summary = "A run: script prints a secret (echo ${{ secrets.X }}) into the build log",
    severity = Severity.WARNING,
    effortMinutes = 10,
    needs = Needs.FILES)
final class SecretEchoed implements ProjectRule {
  private static final Pattern SECRET = Pattern.compile("\\bsecrets\\.([A-Za-z0-9_\\-]+)");

  /** An echo, printf or Write-Output command before the secret on its line. */
  private static final Pattern PRINT =
      Pattern.compile(
          "(?:^|[;&|(`]|\\bthen|\\bdo|\\belse)\\s*(?:echo|printf|Write-Output|Write-Host)\\b");

  @Override
  public void check(ProjectContext project, FindingSink out) {
    for (Workflows.Workflow w : Workflows.of(project).parsed()) {
      for (Workflows.Job job : w.jobs()) {
        for (Yaml.Mapping step : job.steps()) {
          if (!(step.get("run").orElse(null) instanceof Yaml.Scalar s)) {
            continue;
          }
          for (Workflows.Located e : w.expressions(s)) {
            Matcher secret = SECRET.matcher(e.expression());
            if (!secret.find()) {
              continue;
            }
            String line = w.line(e.span().line());
            int from = 0;
            if (e.span().line() == s.mark().line()) {
              // The scalar's first line: its command starts where the scalar does (after run:).
              from = Math.min(line.length(), s.mark().column() - 1);
              if (from < line.length() && (line.charAt(from) == '"' || line.charAt(from) == '\'')) {
                from++;
              }
            }
            int at = Math.max(from, Math.min(line.length(), e.span().column() - 1));
            if (printed(line.substring(from), at - from)) {
              out.report(
                  w.path,
                  e.span(),
                  "secrets."
                      + secret.group(1)
                      + " is printed to the build log: GitHub masks the exact value, but not a"
                      + " part, an encoding or a multi-line value of it, and anyone who can read"
                      + " the logs reads it; pass it through env: to the command that needs it");
            }
          }
        }
      }
    }
  }

  /**
   * Whether the command on {@code line} that holds the secret at {@code at} prints it: an echo or
   * printf before it, with no pipe or redirection after it (piped into {@code docker login
   * --password-stdin} or written to {@code $GITHUB_ENV}, it does not reach the log) and no {@code
   * ::add-mask::}.
   */
  static boolean printed(String line, int at) {
    String before = line.substring(0, at);
    Matcher m = PRINT.matcher(before);
    int start = -1;
    while (m.find()) {
      start = m.end();
    }
    if (start < 0) {
      return false;
    }
    String command = before.substring(start);
    if (command.contains("::add-mask::") || command.matches(".*(?:\\||>|&&|;).*")) {
      return false;
    }
    String after = line.substring(at);
    int end = after.length();
    for (String stop : new String[] {"&&", ";", "||"}) {
      int i = after.indexOf(stop);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String rest = after.substring(0, end);
    return !(rest.contains("|") || rest.contains(">"));
  }
}
