package dev.keel.rules.tests;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.project.FileKind;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.ModuleFacts;
import dev.keel.semantic.ModuleSummary;

/**
 * Reads what each test module's summary found ({@link ModuleFacts.TestFacts#mockOnly}): the test
 * functions are scanned once, in the semantic step, for this rule and TST001 together.
 */
@RuleSpec(
    code = "TST002",
    summary = "a test asserts only how mocks were called, never what the code produced",
    severity = Severity.INFO,
    effortMinutes = 20)
final class TestAssertsOnlyOnMocks implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    for (ModuleSummary s : project.modules()) {
      if (project.project().file(s.path()).map(f -> f.kind() != FileKind.TEST).orElse(true)) {
        continue;
      }
      for (ModuleFacts.MockOnly t : s.facts().tests().mockOnly()) {
        out.report(
            s.path(),
            new Span(t.line(), t.column(), t.endLine(), t.endColumn()),
            "test '"
                + t.name()
                + "' checks only mock calls ("
                + t.assertions()
                + (t.assertions() == 1 ? " assertion" : " assertions")
                + "): it pins the implementation, not the behaviour; assert on a result or state too");
      }
    }
  }
}
