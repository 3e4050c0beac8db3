/**
 * The semantic model: what names mean. Scopes and bindings the way Python binds them, qualified
 * names of calls through import aliases, import resolution and the module graph, and the per-module
 * summary that project rules read instead of the syntax tree. Depends on the syntax tree ({@code
 * dev.keel.python}) and {@code project}; never on rules or reporters.
 */
package dev.keel.semantic;
