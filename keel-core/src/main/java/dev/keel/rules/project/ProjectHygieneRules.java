package dev.keel.rules.project;

import dev.keel.rule.Rule;
import java.util.List;

/** The PRJ family: what a repository needs before its code can be looked after. */
public final class ProjectHygieneRules {
  private ProjectHygieneRules() {}

  public static List<Rule> all() {
    return List.of(
        new NoPyprojectToml(),
        new MissingProjectMetadata(),
        new NonPep440Version(),
        new EndOfLifePython(),
        new NoLockfile(),
        new NoFormatter(),
        new NoLinter(),
        new NoTypeChecker(),
        new NoTestRunner(),
        new NoCiConfiguration(),
        new ReadmeWithoutCommands(),
        new IncompleteGitignore(),
        new CommittedEnvFile(),
        new NoLicense());
  }
}
