package dev.keel.rule;

import dev.keel.finding.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The declaration of a rule, on its class. Its documentation lives beside the class as a Markdown
 * resource of the same simple name ({@code NoLockfile.md}). The rule's name is the class's simple
 * name and its scope the interface it implements ({@link Scope#of}), so neither is written twice.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleSpec {
  /** Family prefix and number, for example {@code PRJ005}. */
  String code();

  /**
   * What is wrong, in CamelCase: {@code NoLockfile}, not {@code AddLockfile}. Empty (the default):
   * the class's simple name, which is what every rule uses; set it only for a class that cannot
   * bear its rule's name.
   */
  String name() default "";

  /** One line, shown by {@code keel rules}. */
  String summary();

  Severity severity();

  /** Typical minutes to fix one finding; debt is the sum. */
  int effortMinutes();

  /** What the rule reads; the pipeline builds nothing more than the selected rules need. */
  Needs needs() default Needs.SEMANTICS;
}
