/**
 * The rule framework: a rule's declaration ({@link dev.keel.rule.RuleSpec}), the kinds of check and
 * the walk that runs file rules (findings and severities are plain values in {@code
 * dev.keel.finding}; the registry of every rule is {@code dev.keel.rules.RuleRegistry}). File rules
 * read the syntax tree and the semantic model of one module ({@code dev.keel.python}, {@code
 * dev.keel.semantic}); project rules read the project model and the module summaries.
 *
 * <p>The kind of check is the interface a rule implements, and it says what the rule is handed:
 *
 * <ul>
 *   <li>{@link dev.keel.rule.CallRule}: the calls of the functions it names once, by qualified name
 *       ({@code "tempfile.mktemp"}), as {@code Expr.Call};
 *   <li>{@link dev.keel.rule.NodeRule}: each node of one kind, as that kind;
 *   <li>{@link dev.keel.rule.FileRule}: the nodes of the kinds it names, to switch over, and the
 *       whole file at {@link dev.keel.rule.FileRule#finish};
 *   <li>{@link dev.keel.rule.ProjectRule}: the project as a whole.
 * </ul>
 *
 * The declaration holds what the interface does not say: code, summary, severity, effort; the name
 * is the class's and the scope the interface's ({@link dev.keel.rule.Scope#of}). Per-file state is
 * a typed {@link dev.keel.rule.FileVisit.Memo}, since rule objects are shared by every thread.
 * Argument questions ({@code keyword}, {@code argument(position, name)}, {@code hasDoubleStar},
 * {@code isNone}) are asked of the tree ({@code Expr.Call}, {@code Expr}), not of helpers here.
 *
 * <p>{@link dev.keel.rule.FileRules} walks each file once for every file rule, from a dispatch
 * table over node kinds and, for calls, a filter by callee derived from the call rules' names: a
 * call reaches a rule only when its callee's last name is one of the rule's and it resolves to one
 * of them. The walk is the hottest code of an audit: it allocates nothing per node and skips what
 * no rule wants (names, attribute chains over names).
 *
 * <p>{@link dev.keel.rule.FileText} is the one decoder of a project file's bytes (a Python module
 * as the parser reads it: BOM, PEP 263 cookie): project rules read through {@link
 * dev.keel.rule.ProjectContext#read}, and the audit's judge and reporters read the same text.
 */
package dev.keel.rule;
