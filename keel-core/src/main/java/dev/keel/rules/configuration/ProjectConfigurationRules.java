package dev.keel.rules.configuration;

import dev.keel.rule.Rule;
import java.util.List;

/** The project-level part of the {@code CFG} family (codes from 101). */
public final class ProjectConfigurationRules {
  private ProjectConfigurationRules() {}

  public static List<Rule> all() {
    return List.of(new ConfigurationSpread(), new ImportTimeEffectThroughCall());
  }
}
