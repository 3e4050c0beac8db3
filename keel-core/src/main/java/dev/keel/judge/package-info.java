/**
 * Judging (step 5): suppression comments, fingerprints that survive unrelated edits, and the
 * baseline of accepted findings. Must not depend on rules or reporting.
 */
package dev.keel.judge;
