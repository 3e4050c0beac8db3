/**
 * The rule framework: a rule's declaration ({@link dev.keel.rule.RuleSpec}), the kinds of check and
 * the walk that runs file rules (findings and severities are plain values in {@code
 * dev.keel.finding}; the registry of every rule is {@code dev.keel.rules.RuleRegistry}). File rules
 * read the syntax tree and the semantic model of one module ({@code dev.keel.python}, {@code
 * dev.keel.semantic}); project rules read the project model and the module summaries.
 *
 * <p>{@link dev.keel.rule.FileRules} walks each file once for every file rule: a rule names the
 * node kinds it wants ({@link dev.keel.rule.FileRule#nodeKinds}) and, for calls, may name the
 * callees it looks for ({@link dev.keel.rule.FileRule#callees}), so it is shown only the calls that
 * can match. The walk is the hottest code of an audit: it allocates nothing per node and skips what
 * no rule wants (names, attribute chains over names).
 *
 * <p>{@link dev.keel.rule.FileText} is the one decoder of a project file's bytes (a Python module
 * as the parser reads it: BOM, PEP 263 cookie): project rules read through {@link
 * dev.keel.rule.ProjectContext#read}, and the audit's judge and reporters read the same text.
 */
package dev.keel.rule;
