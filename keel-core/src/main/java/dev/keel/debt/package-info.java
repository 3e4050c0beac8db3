/**
 * The debt report ({@code keel report}): SQALE-style remediation debt summed per family, package
 * and module, the debt ratio and its A–E rating on SonarQube's default grid, reliability and
 * security ratings, hotspots (churn × complexity), the trend over past commits, and the words a
 * product owner reads; rendered as self-contained HTML, Markdown and JSON. It computes from plain
 * values (judged findings, the rules that ran, churn and complexity figures) and knows nothing of
 * git or of how they were gathered. Uses findings, the judge's findings and the rule framework's
 * descriptors.
 */
package dev.keel.debt;
