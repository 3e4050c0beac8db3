/**
 * Measures of each callable of a module: cyclomatic complexity counted as radon's {@code cc} counts
 * it, length, parameters, nesting and annotation coverage. The {@code CPX} and {@code TYP} rules
 * and {@code keel metrics} read the same numbers from here. It reads the syntax tree (with {@link
 * dev.keel.python.ast.SyntaxChildren} to descend into nodes) and, for a whole project, finds files
 * with {@link dev.keel.project.ProjectDiscovery} and its settings in {@code dev.keel.config}; it
 * knows nothing of rules, findings or output formats.
 */
package dev.keel.metrics;
