package dev.keel.rules.syntax;

import dev.keel.rule.Rule;
import java.util.List;

/** The {@code SYN} family. */
public final class SyntaxRules {
  private SyntaxRules() {}

  public static List<Rule> all() {
    return List.of(
        new InvalidSyntax(), new FileNotRead(), new FileTooLarge(), new AnalysisAbandoned());
  }
}
