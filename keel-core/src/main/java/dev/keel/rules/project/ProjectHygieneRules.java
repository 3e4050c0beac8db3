package dev.keel.rules.project;

import dev.keel.rule.Rule;
import java.util.List;

/** The PRJ family: what a repository needs before its code can be looked after. */
public final class ProjectHygieneRules {
  private ProjectHygieneRules() {}

  public static List<Rule> all() {
    return List.of();
  }
}
