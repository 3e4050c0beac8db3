package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "SEC007",
    summary = "an HTTPS call with certificate checks off talks to whoever answers",
    severity = Severity.ERROR,
    effortMinutes = 15)
final class TlsVerificationDisabled implements CallRule {
  private static final Set<String> HTTP_METHODS =
      Set.of(
          "get", "post", "put", "patch", "delete", "head", "options", "request", "send", "stream");

  @Override
  public Set<String> calls() {
    return Set.of(EVERY_CALL);
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (TestCode.of(file)) {
      return;
    }
    Expr verify = call.keyword("verify");
    boolean verifyOff = verify != null && Literals.isFalse(verify);
    boolean unverified =
        call.func() instanceof Expr.Attribute a && a.attr().equals("_create_unverified_context")
            || call.func() instanceof Expr.Name n
                && (n.id().equals("_create_unverified_context")
                    || file.semantic().isRenamedImport(n.id()));
    if (!verifyOff && !unverified) {
      // Neither verify=False nor a call that could be ssl._create_unverified_context.
      return;
    }
    String q = file.qualifiedName(call.func()).orElse("");
    if (q.equals("ssl._create_unverified_context")) {
      file.report(call, "ssl._create_unverified_context() turns certificate checks off");
      return;
    }
    if (!verifyOff) {
      return;
    }
    boolean http =
        q.startsWith("requests.")
            || q.startsWith("httpx.")
            // A session or client object: resolved by the method name.
            || q.isEmpty()
                && call.func() instanceof Expr.Attribute a
                && HTTP_METHODS.contains(a.attr());
    if (http) {
      file.report(
          verify, "verify=False turns certificate checks off: pass a CA bundle path instead");
    }
  }
}
