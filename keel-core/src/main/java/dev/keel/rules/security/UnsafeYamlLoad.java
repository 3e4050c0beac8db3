package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "SEC003",
    summary = "yaml.load without a safe loader can build arbitrary Python objects from the input",
    severity = Severity.ERROR,
    effortMinutes = 10)
final class UnsafeYamlLoad implements CallRule {
  private static final Set<String> SAFE =
      Set.of("SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader");

  @Override
  public Set<String> calls() {
    return Set.of("yaml.load", "yaml.load_all");
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (TestCode.of(file)) {
      return;
    }
    String q = file.qualifiedName(call.func()).orElseThrow();
    if (call.hasDoubleStar()) {
      return;
    }
    Expr loader = call.argument(1, "Loader");
    if (loader != null) {
      String name = file.qualifiedName(loader).orElse(file.text(loader));
      String last = name.substring(name.lastIndexOf('.') + 1);
      // A project's own subclass says so in its name: SafeOrderedLoader, SafeLineLoader.
      if (SAFE.contains(last) || last.contains("Safe") || last.contains("BaseLoader")) {
        return;
      }
    }
    String fn = q.substring("yaml.".length());
    file.report(
        call,
        "yaml."
            + fn
            + "() without a safe loader: use yaml.safe_"
            + fn
            + "() or Loader=yaml.SafeLoader");
  }
}
