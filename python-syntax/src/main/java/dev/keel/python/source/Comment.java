package dev.keel.python.source;

/**
 * A {@code #} comment, kept aside from the tokens the parser sees (for suppressions and rules).
 *
 * @param start offset of the {@code #}
 * @param end offset one past the last character of the comment (before the line break)
 */
public record Comment(int start, int end) {}
