/**
 * Judging (step 5): suppression comments, fingerprints that survive unrelated edits, and the
 * baseline of accepted findings. Uses findings ({@code dev.keel.finding}), the configuration and
 * the shared readers and writers of {@code dev.keel}; must not depend on rules or reporting.
 */
package dev.keel.judge;
