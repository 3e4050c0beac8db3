package dev.keel.rules.types;

import dev.keel.finding.Severity;
import dev.keel.metrics.FunctionSyntax;
import dev.keel.python.ast.Expr;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.List;

@RuleSpec(
    code = "TYP003",
    summary = "`Any` is the type of a parameter or the return of a public function",
    severity = Severity.WARNING,
    effortMinutes = 10)
final class AnyInPublicSignature extends SignatureRule {
  @Override
  void check(List<Def> defs, TypingNames names, FileVisit file) {
    for (Def d : defs) {
      if (!d.isPublic()) {
        continue;
      }
      FunctionSyntax def = d.syntax();
      for (FunctionSyntax.Parameter p : d.parameters()) {
        // `*args: Any` and `**kwargs: Any` are the idiom for forwarding; leave them be.
        if (p.kind() == FunctionSyntax.Parameter.Kind.NAMED && p.arg().annotation() != null) {
          check(
              p.arg().annotation(), names, file, describe(def) + ", parameter `" + p.name() + "`");
        }
      }
      if (def.returns() != null) {
        check(def.returns(), names, file, describe(def) + ", return type");
      }
    }
  }

  private static void check(Expr annotation, TypingNames names, FileVisit file, String where) {
    unquote(annotation)
        .ifPresent(
            e -> {
              for (Expr member : unionMembers(e, names)) {
                if (names.isTyping(member, "Any")) {
                  // A quoted annotation's nodes point into the string: report the string.
                  Expr at = e == annotation ? member : annotation;
                  file.report(at, "`Any` in the signature of public " + where);
                  return;
                }
              }
            });
  }
}
