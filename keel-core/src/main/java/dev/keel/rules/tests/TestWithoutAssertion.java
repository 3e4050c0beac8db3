package dev.keel.rules.tests;

import dev.keel.python.ast.Node;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import dev.keel.rule.Scope;
import dev.keel.rule.Severity;
import java.util.List;
import java.util.Set;

@RuleSpec(
    code = "TST001",
    name = "TestWithoutAssertion",
    summary = "a test function asserts nothing, so it catches crashes but never a wrong result",
    severity = Severity.WARNING,
    effortMinutes = 15,
    scope = Scope.FILE)
final class TestWithoutAssertion implements FileRule {
  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of();
  }

  @Override
  public void finish(FileVisit file) {
    if (!file.isTest()) {
      return;
    }
    List<TestFunctions.Function> functions = TestFunctions.of(file);
    Set<String> helpers = TestFunctions.assertingHelpers(functions);
    for (TestFunctions.Function f : functions) {
      if (f.isTest() && f.asserts() == 0 && !helpers.contains(f.name())) {
        file.report(
            header(file, f.node()),
            "test '"
                + f.name()
                + "' asserts nothing (no assert, pytest.raises, self.assert…, mock assert_… or"
                + " asserting helper): it fails only if the code raises, never if it returns a"
                + " wrong result");
      }
    }
  }

  /** The {@code def name(...)} line, not the whole body. */
  static dev.keel.python.ast.TextRange header(FileVisit file, Node def) {
    int start = def.range().start();
    int line = file.lines().line(start);
    int end = Math.min(def.range().end(), file.lines().lineEnd(line));
    return new dev.keel.python.ast.TextRange(start, Math.max(start, end));
  }
}
