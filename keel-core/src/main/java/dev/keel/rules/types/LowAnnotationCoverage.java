package dev.keel.rules.types;

import dev.keel.finding.Severity;
import dev.keel.metrics.FunctionSyntax;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.List;

@RuleSpec(
    code = "TYP002",
    summary =
        "Less than min-annotation-coverage percent of a module's public signatures is annotated",
    severity = Severity.INFO,
    effortMinutes = 30)
final class LowAnnotationCoverage extends SignatureRule {
  @Override
  void check(List<Def> defs, TypingNames names, FileVisit file) {
    int slots = 0;
    int annotated = 0;
    for (Def d : defs) {
      if (!d.isPublic()) {
        continue;
      }
      FunctionSyntax def = d.syntax();
      for (FunctionSyntax.Parameter p : d.parameters()) {
        slots++;
        annotated += p.arg().annotation() != null ? 1 : 0;
      }
      if (def.expectsReturnAnnotation()) {
        slots++;
        annotated += def.returns() != null ? 1 : 0;
      }
    }
    int limit = file.config().thresholds().minAnnotationCoverage();
    // Compare exactly (annotated / slots < limit / 100) so 79.9% never passes as 80%.
    if (slots == 0 || annotated * 100L >= (long) limit * slots) {
      return;
    }
    long percent = annotated * 100L / slots;
    // On the first line, where a `# noqa: TYP002` can sit.
    file.report(
        0,
        file.lines().lineEnd(1),
        "annotation coverage of public functions is "
            + percent
            + "% ("
            + annotated
            + " of "
            + slots
            + " parameters and returns annotated; min-annotation-coverage is "
            + limit
            + "%)");
  }
}
