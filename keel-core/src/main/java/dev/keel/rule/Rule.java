package dev.keel.rule;

/**
 * A check. Every rule class carries a {@link RuleSpec}; the kind of check is given by the
 * sub-interface it implements ({@link CallRule}, {@link NodeRule}, {@link FileRule}, {@link
 * ProjectRule}), and so is its {@link Scope}.
 */
public interface Rule {}
