/**
 * The pipeline of DESIGN.md end to end: discover, per-file analysis in parallel, project rules,
 * then the {@link dev.keel.judge.Judge} once over all their findings (with the baseline this
 * package picks and reads); it returns an {@link dev.keel.audit.AuditResult}, whose {@code
 * report()} is the plain value a reporter reads. It orchestrates and decides nothing a step owns:
 * it may use every other package of keel-core; the command line calls it; nothing in keel-core
 * calls back into it.
 */
package dev.keel.audit;
