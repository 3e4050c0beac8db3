package dev.keel.rules.tests;

import dev.keel.python.ast.Node;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import dev.keel.rule.Scope;
import dev.keel.rule.Severity;
import java.util.Set;

@RuleSpec(
    code = "TST002",
    name = "TestAssertsOnlyOnMocks",
    summary = "a test asserts only how mocks were called, never what the code produced",
    severity = Severity.INFO,
    effortMinutes = 20,
    scope = Scope.FILE)
final class TestAssertsOnlyOnMocks implements FileRule {
  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of();
  }

  @Override
  public void finish(FileVisit file) {
    if (!file.isTest()) {
      return;
    }
    for (TestFunctions.Function f : TestFunctions.of(file)) {
      if (f.isTest() && f.asserts() > 0 && f.mockAsserts() == f.asserts()) {
        file.report(
            TestWithoutAssertion.header(file, f.node()),
            "test '"
                + f.name()
                + "' checks only mock calls ("
                + f.asserts()
                + (f.asserts() == 1 ? " assertion" : " assertions")
                + "): it pins the implementation, not the behaviour; assert on a result or state too");
      }
    }
  }
}
