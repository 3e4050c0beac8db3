/**
 * Discovery (step 1): the project root, the walk that honours .gitignore files and excludes, file
 * kinds and dotted module names. It uses the configuration ({@code dev.keel.config}), the shared
 * readers of {@code dev.keel} and the JDK; it must not depend on analysis (syntax tree, semantic
 * model, rules), judging or reporting. What project rules read (the files, the module summaries and
 * their import graph) is {@link dev.keel.rule.ProjectContext}, one step up.
 */
package dev.keel.project;
