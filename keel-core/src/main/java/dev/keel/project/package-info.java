/**
 * Discovery (step 1): the project root, the walk that honours .gitignore files and excludes, file
 * kinds, the {@link dev.keel.project.ProjectLayout} (source roots and sub-projects read from the
 * packaging) and dotted module names. It uses the configuration ({@code dev.keel.config}), the
 * shared readers of {@code dev.keel}, the parser of python-syntax (only to read setup.py, never to
 * run it) and the JDK; it must not depend on analysis (semantic model, rules), judging or
 * reporting. What project rules read (the files, the module summaries and their import graph) is
 * {@link dev.keel.rule.ProjectContext}, one step up.
 */
package dev.keel.project;
