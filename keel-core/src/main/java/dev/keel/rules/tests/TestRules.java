package dev.keel.rules.tests;

import dev.keel.rule.Rule;
import java.util.List;

/** The {@code TST} family. */
public final class TestRules {
  private TestRules() {}

  public static List<Rule> all() {
    return List.of(
        new TestWithoutAssertion(),
        new TestAssertsOnlyOnMocks(),
        new UntestedModule(),
        new UntestedErrorPath(),
        new MockAssertionAlwaysPasses(),
        new CallableBelowCoverageTarget(),
        new UnexecutedErrorPath(),
        new UncoveredHotspot(),
        new StaleCoverageData(),
        new LockedTestChanged());
  }
}
