package dev.keel.rules.syntax;

import dev.keel.python.SyntaxError;
import dev.keel.python.ast.Node;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.Needs;
import dev.keel.rule.RuleSpec;
import dev.keel.rule.Scope;
import dev.keel.rule.Severity;
import java.util.Set;

@RuleSpec(
    code = "SYN001",
    name = "InvalidSyntax",
    summary =
        "the file is not valid Python: it cannot be imported, and no other rule sees it whole",
    severity = Severity.ERROR,
    effortMinutes = 10,
    scope = Scope.FILE,
    needs = Needs.SYNTAX)
final class InvalidSyntax implements FileRule {
  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of();
  }

  @Override
  public void finish(FileVisit file) {
    for (SyntaxError e : file.parse().errors()) {
      file.report(e.start(), e.end(), e.kind() + ": " + e.message());
    }
  }
}
