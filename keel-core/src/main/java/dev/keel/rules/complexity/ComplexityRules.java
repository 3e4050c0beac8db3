package dev.keel.rules.complexity;

import dev.keel.rule.Rule;
import java.util.List;

/** The {@code CPX} family. */
public final class ComplexityRules {
  private ComplexityRules() {}

  public static List<Rule> all() {
    return List.of(
        new ComplexFunction(),
        new LongFunction(),
        new TooManyParameters(),
        new DeeplyNestedFunction());
  }
}
