package dev.keel.rules.configuration;

import dev.keel.rule.Rule;
import java.util.List;

/** The file-level rules of the {@code CFG} family. */
public final class ConfigurationRules {
  private ConfigurationRules() {}

  public static List<Rule> all() {
    return List.of(
        new EnvironmentReadInFunction(), new ImportTimeSideEffect(), new PrintInLibrary());
  }
}
