package dev.keel.semantic;

import dev.keel.python.ast.TextRange;

/**
 * A problem with a name that the semantic pass found, for the NAM rules to report.
 *
 * @param range where to report
 * @param binding the binding at fault (unused import, unused variable, the redefined name), or
 *     {@code null} for an undefined name
 * @param anchor the offset pyflakes would report at (the start of an import statement), for
 *     comparisons with pyflakes
 */
public record NameIssue(
    Kind kind, String name, TextRange range, int anchor, String message, Binding binding) {
  /** The binding the issue is about; empty for undefined names. */
  public java.util.Optional<Binding> subject() {
    return java.util.Optional.ofNullable(binding);
  }

  public enum Kind {
    UNUSED_IMPORT,
    UNDEFINED_NAME,
    UNUSED_VARIABLE,
    REDEFINED_UNUSED
  }
}
