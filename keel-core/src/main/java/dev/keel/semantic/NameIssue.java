package dev.keel.semantic;

import dev.keel.python.ast.TextRange;

/**
 * A problem with a name that the semantic pass found, for the NAM rules to report.
 *
 * @param range where to report
 * @param anchor the offset pyflakes would report at (the start of an import statement), for
 *     comparisons with pyflakes
 */
public record NameIssue(Kind kind, String name, TextRange range, int anchor, String message) {
  public enum Kind {
    UNUSED_IMPORT,
    UNDEFINED_NAME,
    UNUSED_VARIABLE,
    REDEFINED_UNUSED
  }
}
