/**
 * The pipeline of DESIGN.md end to end: discover, per-file analysis in parallel, project rules,
 * judging; it returns an {@link dev.keel.audit.AuditResult}, whose {@code report()} is what a
 * reporter reads. It may use every other package of keel-core; the command line calls it; nothing
 * in keel-core calls back into the command line.
 */
package dev.keel.audit;
