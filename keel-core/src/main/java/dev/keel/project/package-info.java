/**
 * Discovery (step 1): the project root, the walk that honours .gitignore files and excludes, file
 * kinds and dotted module names, and the context project rules read. Must not depend on rules,
 * judging or reporting.
 */
package dev.keel.project;
