package dev.keel.rules.names;

import dev.keel.rule.Rule;
import java.util.List;

/** The {@code NAM} family. */
public final class NameRules {
  private NameRules() {}

  public static List<Rule> all() {
    return List.of(
        new UnusedImport(), new UndefinedName(), new UnusedVariable(), new RedefinedWhileUnused());
  }
}
