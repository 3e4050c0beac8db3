package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "SEC008",
    summary = "tempfile.mktemp returns a name another process can create first",
    severity = Severity.WARNING,
    effortMinutes = 10)
final class InsecureTempFile implements FileRule {
  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Expr.Call.class);
  }

  @Override
  public Set<String> callees() {
    return Set.of("mktemp");
  }

  @Override
  public void visit(Node node, FileVisit file) {
    Expr.Call call = (Expr.Call) node;
    if (file.qualifiedName(call.func()).filter("tempfile.mktemp"::equals).isPresent()) {
      file.report(
          call,
          "tempfile.mktemp() is open to a race: use tempfile.mkstemp() or"
              + " NamedTemporaryFile()");
    }
  }
}
