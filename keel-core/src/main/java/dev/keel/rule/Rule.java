package dev.keel.rule;

/**
 * A check. Every rule class carries a {@link RuleSpec}; the kind of check is given by the
 * sub-interface it implements ({@link ProjectRule}, and file rules once the parser lands).
 */
public interface Rule {}
