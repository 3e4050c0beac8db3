package dev.keel.rules.dependencies;

import dev.keel.rule.Rule;
import java.util.List;

/** The {@code DEP} family. */
public final class DependencyRules {
  private DependencyRules() {}

  public static List<Rule> all() {
    return List.of(
        new ImportedButNotDeclared(),
        new DeclaredButNotImported(),
        new DevDependencyInProduction(),
        new TransitiveImport());
  }
}
