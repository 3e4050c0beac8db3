/**
 * Judging (step 5), one step: {@link dev.keel.judge.Judge} takes the findings the rules emitted and
 * returns {@link dev.keel.judge.JudgedFinding}s. It drops findings about files Keel did not read,
 * outside the paths asked for, of codes a path's tier does not report ({@code Tiers}) or silenced
 * by a suppression comment ({@link dev.keel.judge.Suppressions}); it gives each kept finding a
 * fingerprint that survives unrelated edits ({@code Fingerprints}) and marks those the {@link
 * dev.keel.judge.Baseline} of accepted findings holds. Uses findings ({@code dev.keel.finding}),
 * the configuration, the project from discovery (scope, tiers' path patterns, files not read) and
 * the shared readers and writers of {@code dev.keel}; must not depend on rules, reporting or the
 * orchestrator.
 */
package dev.keel.judge;
