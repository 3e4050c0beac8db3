/**
 * History: a repository's past read straight from git objects (JGit), with no checkout, no work
 * tree and no database. {@link dev.keel.history.GitRepository} opens the repository holding a
 * project and resolves revisions with one-line errors; {@link dev.keel.history.TreeFileSystem}
 * shows one commit's tree as a read-only file system, so discovery and the whole pipeline audit a
 * past commit exactly as they audit the work tree; {@link dev.keel.history.Churn} counts how often
 * files and line ranges changed. Beside discovery: it uses only {@code dev.keel} and JGit.
 */
package dev.keel.history;
