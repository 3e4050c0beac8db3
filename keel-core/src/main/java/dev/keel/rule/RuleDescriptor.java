package dev.keel.rule;

import dev.keel.finding.Severity;

/**
 * A rule with its declaration and documentation, as the registry holds it.
 *
 * @param documentation the Markdown beside the rule class, with Ruff's headings
 */
public record RuleDescriptor(
    String code,
    String name,
    String summary,
    Severity severity,
    int effortMinutes,
    Scope scope,
    String documentation,
    Rule rule) {

  /** What the rule reads ({@link RuleSpec#needs()}). */
  public Needs needs() {
    RuleSpec spec = rule.getClass().getAnnotation(RuleSpec.class);
    return spec == null ? Needs.SEMANTICS : spec.needs();
  }

  /** The family prefix: {@code PRJ} for {@code PRJ005}. */
  public String family() {
    int i = 0;
    while (i < code.length() && Character.isLetter(code.charAt(i))) {
      i++;
    }
    return code.substring(0, i);
  }

  public static RuleDescriptor of(Rule rule) {
    RuleSpec spec = rule.getClass().getAnnotation(RuleSpec.class);
    if (spec == null) {
      throw new IllegalStateException(rule.getClass().getName() + " has no @RuleSpec");
    }
    String doc = RuleDocs.load(rule.getClass());
    return new RuleDescriptor(
        spec.code(),
        spec.name().isEmpty() ? rule.getClass().getSimpleName() : spec.name(),
        spec.summary(),
        spec.severity(),
        spec.effortMinutes(),
        Scope.of(rule),
        doc,
        rule);
  }
}
