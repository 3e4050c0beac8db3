package dev.keel.rules.tests;

import dev.keel.python.ast.Node;
import dev.keel.python.ast.TextRange;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import dev.keel.rule.Scope;
import dev.keel.rule.Severity;
import dev.keel.semantic.TestFunctions;
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
    for (TestFunctions.Function f : TestFunctions.of(file.parse().module())) {
      if (f.isTest() && f.asserts() > 0 && f.mockAsserts() == f.asserts()) {
        file.report(
            header(file, f.node()),
            "test '"
                + f.name()
                + "' checks only mock calls ("
                + f.asserts()
                + (f.asserts() == 1 ? " assertion" : " assertions")
                + "): it pins the implementation, not the behaviour; assert on a result or state too");
      }
    }
  }

  /** The {@code def name(...)} line, not the whole body. */
  private static TextRange header(FileVisit file, Node def) {
    int start = def.range().start();
    int line = file.lines().line(start);
    int end = Math.min(def.range().end(), file.lines().lineEnd(line));
    return new TextRange(start, Math.max(start, end));
  }
}
