package dev.keel.rules.tests;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.project.FileKind;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ReadsCoverage;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.ModuleFacts;
import dev.keel.semantic.ModuleSummary;
import java.util.HashSet;
import java.util.Set;

@RuleSpec(
    code = "TST004",
    summary = "a public callable raises, but no test expects it to (pytest.raises, assertRaises)",
    severity = Severity.INFO,
    effortMinutes = 15)
final class UntestedErrorPath implements ReadsCoverage {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    Set<String> expected = new HashSet<>();
    boolean anyTests = false;
    for (ModuleSummary s : project.modules()) {
      if (isTest(project, s)) {
        anyTests = true;
        expected.addAll(s.facts().raiseTargets());
      }
    }
    if (!anyTests) {
      return; // TST003 already says the project has no tests
    }
    Set<String> lastNames = new HashSet<>();
    for (String e : expected) {
      lastNames.add(e.substring(e.lastIndexOf('.') + 1));
    }
    for (ModuleSummary s : project.modules()) {
      if (isTest(project, s) || s.module().isEmpty() || isPrivate(s.module())) {
        continue;
      }
      if (project.coverage().flatMap(c -> c.file(s.path())).isPresent()) {
        continue; // coverage.py measured it: TST007 knows which error paths ran, TST009 if stale
      }
      for (ModuleFacts.Callable c : s.facts().callables()) {
        if (!c.isPublic() || !c.raises()) {
          continue;
        }
        String qualified = s.module() + "." + c.name();
        String last = c.name().substring(c.name().lastIndexOf('.') + 1);
        boolean method = c.name().contains(".");
        boolean tested =
            expected.contains(qualified)
                || (method && lastNames.contains(last))
                || expected.contains(last)
                || (c.name().contains(".")
                    && expected.contains(
                        s.module() + "." + c.name().substring(0, c.name().indexOf('.'))));
        if (tested) {
          continue;
        }
        int length = project.lineLength(s.path(), c.line());
        out.report(
            s.path(),
            Span.wholeLine(c.line(), Math.max(1, length)),
            qualified
                + " raises, but no test calls it inside pytest.raises or assertRaises: its error"
                + " path can break without a test noticing");
      }
    }
  }

  private static boolean isTest(ProjectContext project, ModuleSummary s) {
    return project.project().file(s.path()).map(f -> f.kind() == FileKind.TEST).orElse(false);
  }

  private static boolean isPrivate(String module) {
    for (String part : module.split("\\.")) {
      if (part.startsWith("_") && !part.startsWith("__")) {
        return true;
      }
    }
    return false;
  }
}
