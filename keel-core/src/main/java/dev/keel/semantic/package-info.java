/**
 * The semantic model: what names mean. Scopes and bindings the way Python binds them ({@link
 * dev.keel.semantic.SemanticModel}, held to pyflakes), qualified names of calls through import
 * aliases, import resolution and the project's module graph ({@link
 * dev.keel.semantic.ModuleGraph}), and the per-module summary ({@link
 * dev.keel.semantic.ModuleSummary}) that project rules read instead of the syntax tree. Depends on
 * the syntax tree ({@code dev.keel.python}) only; never on rules, the project model or reporters.
 */
package dev.keel.semantic;
