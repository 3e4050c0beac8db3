/**
 * The rule framework: a rule's declaration ({@link dev.keel.rule.RuleSpec}), the kinds of check,
 * findings, severities and the one registry of every rule. It depends on no step of the pipeline
 * but the project model that project rules read.
 */
package dev.keel.rule;
