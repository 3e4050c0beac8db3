package dev.keel.rules.reliability;

import dev.keel.rule.Rule;
import java.util.List;

/** The {@code REL} family. */
public final class ReliabilityRules {
  private ReliabilityRules() {}

  public static List<Rule> all() {
    return List.of(
        new BareExcept(),
        new SwallowedException(),
        new HttpCallWithoutTimeout(),
        new BlockingCallInAsync(),
        new MutableDefaultArgument(),
        new NaiveDatetime(),
        new DecoratorWithoutWraps(),
        new DeprecationWarningMisused(),
        new AssertValidatesArguments(),
        new UnboundedRetry());
  }
}
