/**
 * The rule families ({@code dev.keel.rules.*}, one package per family) and {@link
 * dev.keel.rules.RuleRegistry}, the one list of every rule. A family uses the rule framework
 * ({@code dev.keel.rule}), the syntax tree, the semantic model, the metrics and the project model;
 * the registry uses every family. Nothing below the orchestrator ({@code dev.keel.audit}) and the
 * CLI uses the registry.
 */
package dev.keel.rules;
