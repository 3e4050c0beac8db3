package dev.keel.rules.types;

import dev.keel.finding.Severity;
import dev.keel.metrics.FunctionSyntax;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.List;
import java.util.Optional;

@RuleSpec(
    code = "TYP004",
    summary = "A parameter defaults to None but its annotation does not admit None",
    severity = Severity.WARNING,
    effortMinutes = 2)
final class ImplicitOptional extends SignatureRule {
  @Override
  void check(List<Def> defs, TypingNames names, FileVisit file) {
    for (Def d : defs) {
      FunctionSyntax def = d.syntax();
      for (FunctionSyntax.Parameter p : d.parameters()) {
        Expr annotation = p.arg().annotation();
        if (annotation != null
            && p.defaultValue() != null
            && p.defaultValue().isNone()
            && unquote(annotation).filter(e -> !admitsNone(e, names)).isPresent()) {
          file.report(
              annotation,
              "parameter `"
                  + p.name()
                  + "` of "
                  + describe(def)
                  + " defaults to None but `"
                  + file.text(annotation)
                  + "` does not admit None: write `"
                  + withNone(file.text(annotation))
                  + "`");
        }
      }
    }
  }

  /**
   * {@code int | None}; for a quoted annotation {@code "Node | None"}, which is valid at run time.
   */
  private static String withNone(String annotation) {
    for (String q : new String[] {"\"", "'"}) {
      if (annotation.length() >= 2
          && annotation.startsWith(q)
          && annotation.endsWith(q)
          && !annotation.startsWith(q + q + q)) {
        return q + annotation.substring(1, annotation.length() - 1) + " | None" + q;
      }
    }
    return annotation + " | None";
  }

  private static boolean admitsNone(Expr annotation, TypingNames names) {
    for (Expr m : unionMembers(annotation, names)) {
      if (m.isNone() || names.isTyping(m, "Any")) {
        return true;
      }
      Optional<String> q = names.resolve(m);
      if (q.filter(s -> s.equals("object") || s.equals("builtins.object")).isPresent()) {
        return true;
      }
      if (m instanceof Expr.Subscript s
          && names.isTyping(s.value(), "Literal")
          && (s.slice().isNone()
              || s.slice() instanceof Expr.Tuple t && t.elts().stream().anyMatch(Expr::isNone))) {
        return true;
      }
      // A quoted member inside a union (`Union["Node", None]`): judge what it says.
      if (m instanceof Expr.Constant c
          && c.value() instanceof ConstantValue.Str
          && unquote(m).map(e -> admitsNone(e, names)).orElse(true)) {
        return true;
      }
    }
    return false;
  }
}
