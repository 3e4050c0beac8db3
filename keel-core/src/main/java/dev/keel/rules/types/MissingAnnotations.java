package dev.keel.rules.types;

import dev.keel.finding.Severity;
import dev.keel.metrics.Callables;
import dev.keel.metrics.FunctionSyntax;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.ArrayList;
import java.util.List;

@RuleSpec(
    code = "TYP001",
    summary = "A public function or method lacks parameter or return annotations",
    severity = Severity.INFO,
    effortMinutes = 5)
final class MissingAnnotations extends SignatureRule {
  @Override
  void check(List<Def> defs, TypingNames names, FileVisit file) {
    for (Def d : defs) {
      if (!d.isPublic()) {
        continue;
      }
      FunctionSyntax def = d.syntax();
      List<String> missing = new ArrayList<>();
      for (FunctionSyntax.Parameter p : d.parameters()) {
        if (p.arg().annotation() == null) {
          missing.add(
              "`"
                  + switch (p.kind()) {
                    case VARARGS -> "*";
                    case KWARGS -> "**";
                    case NAMED -> "";
                  }
                  + p.name()
                  + "`");
        }
      }
      boolean noReturn = def.expectsReturnAnnotation() && def.returns() == null;
      if (missing.isEmpty() && !noReturn) {
        continue;
      }
      StringBuilder m = new StringBuilder("public ").append(describe(def)).append(" lacks ");
      if (!missing.isEmpty()) {
        m.append(missing.size() == 1 ? "an annotation on parameter " : "annotations on parameters ")
            .append(String.join(", ", missing));
      }
      if (noReturn) {
        m.append(missing.isEmpty() ? "a return annotation" : " and a return annotation");
      }
      file.report(Callables.nameRange(def, file.text()), m.toString());
    }
  }
}
