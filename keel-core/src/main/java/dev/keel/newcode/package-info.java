/**
 * The new-code gate ({@code keel check --since REF}): each finding of the work tree is matched with
 * the findings of the same project at REF by file (following git's renames), rule, enclosing symbol
 * and a key that line shifts do not change, and is {@code new}, {@code worsened} or {@code
 * existing}. Uses findings, the judge's {@link dev.keel.judge.JudgedFinding} and the syntax tree
 * (for enclosing symbols); it knows nothing of git or of how the findings were made.
 */
package dev.keel.newcode;
