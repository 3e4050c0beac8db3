package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.project.IgnoreRules;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@RuleSpec(
    code = "PRJ012",
    summary = ".gitignore is missing or does not ignore .env, __pycache__ and virtualenvs",
    severity = Severity.WARNING,
    effortMinutes = 5,
    needs = Needs.FILES)
final class IncompleteGitignore implements ProjectRule {
  static final String PATH = ".gitignore";

  /** A sample path a pattern must ignore, and whether it is a folder. */
  private record Sample(String path, boolean directory) {}

  private record Requirement(String what, List<Sample> anyOf) {}

  private static final List<Requirement> REQUIRED =
      List.of(
          new Requirement(".env", List.of(new Sample(".env", false))),
          new Requirement(
              "__pycache__",
              List.of(new Sample("__pycache__", true), new Sample("src/pkg/__pycache__", true))),
          new Requirement(
              "virtualenvs (.venv, venv or env/)",
              List.of(
                  new Sample(".venv", true), new Sample("venv", true), new Sample("env", true))));

  @Override
  public void check(ProjectContext project, FindingSink out) {
    Optional<String> text = project.read(PATH);
    if (text.isEmpty()) {
      out.report(
          PATH,
          "no .gitignore: .env files, __pycache__ and virtualenvs will be committed by the next"
              + " 'git add .'");
      return;
    }
    IgnoreRules rules = IgnoreRules.parse("", List.of(text.get().split("\r?\n", -1)));
    List<String> missing = new ArrayList<>();
    for (Requirement r : REQUIRED) {
      if (!covered(rules, r)) {
        missing.add(r.what());
      }
    }
    if (!missing.isEmpty()) {
      String list =
          missing.size() == 1
              ? missing.get(0)
              : String.join(", ", missing.subList(0, missing.size() - 1))
                  + " and "
                  + missing.get(missing.size() - 1);
      out.report(
          PATH,
          ".gitignore does not ignore "
              + list
              + ", so a plain 'git add .' would commit "
              + (missing.size() == 1 && !list.startsWith("virtualenvs") ? "it" : "them"));
    }
  }

  /** The requirement holds when one of its samples is ignored (and, for a folder, all depths). */
  private static boolean covered(IgnoreRules rules, Requirement r) {
    if (r.what().equals("__pycache__")) {
      return r.anyOf().stream().allMatch(s -> Boolean.TRUE.equals(rules.verdict(s.path(), true)));
    }
    for (Sample s : r.anyOf()) {
      if (Boolean.TRUE.equals(rules.verdict(s.path(), s.directory()))) {
        return true;
      }
    }
    return false;
  }
}
