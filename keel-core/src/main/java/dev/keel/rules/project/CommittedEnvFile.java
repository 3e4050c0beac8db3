package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.project.ProjectFile;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleSpec(
    code = "PRJ013",
    summary = "A .env file with values is committed to the repository",
    severity = Severity.ERROR,
    effortMinutes = 30,
    needs = Needs.FILES)
final class CommittedEnvFile implements ProjectRule {
  /** Names of templates that document the variables without holding real values. */
  private static final List<String> TEMPLATE_SUFFIXES =
      List.of(".example", ".sample", ".template", ".dist");

  private static final Pattern ASSIGNMENT =
      Pattern.compile("^(\\s*)(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(.*)$");

  @Override
  public void check(ProjectContext project, FindingSink out) {
    for (ProjectFile f : project.files(f -> isEnvFile(f.name()))) {
      Optional<String> text = project.read(f.path());
      if (text.isEmpty()) {
        continue;
      }
      String[] lines = text.get().split("\r?\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = ASSIGNMENT.matcher(lines[i]);
        if (m.matches() && hasValue(m.group(3))) {
          String line = lines[i].stripTrailing();
          int column = m.group(1).length() + 1;
          out.report(
              f.path(),
              new Span(i + 1, column, i + 1, Math.max(column, line.length() + 1)),
              f.path()
                  + " is committed with a value for "
                  + m.group(2)
                  + ": a security problem, since everyone with the repository has it; rotate"
                  + " the secrets in it, remove the file from git and ignore it (commit a"
                  + " .env.example without values instead)");
          break;
        }
      }
    }
  }

  static boolean isEnvFile(String name) {
    if (!name.equals(".env") && !name.startsWith(".env.")) {
      return false;
    }
    for (String suffix : TEMPLATE_SUFFIXES) {
      if (name.endsWith(suffix)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasValue(String raw) {
    String value = raw.strip();
    if (value.startsWith("#")) {
      return false; // KEY= # comment
    }
    if (value.length() >= 2
        && (value.charAt(0) == '"' || value.charAt(0) == '\'')
        && value.indexOf(value.charAt(0), 1) > 0) {
      return value.indexOf(value.charAt(0), 1) > 1;
    }
    return !value.isEmpty();
  }
}
