/**
 * Measures of each callable of a module: cyclomatic complexity counted as radon's {@code cc} counts
 * it, length, parameters, nesting and annotation coverage. The {@code CPX} and {@code TYP} rules
 * and {@code keel metrics} read the same numbers from here. It depends only on the syntax tree and
 * on {@link dev.keel.rule.SyntaxChildren} to descend into nodes; it knows nothing of rules or
 * findings.
 */
package dev.keel.metrics;
