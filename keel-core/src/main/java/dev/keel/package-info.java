/**
 * What every step shares and that knows nothing of Python or of Keel's model: {@link
 * dev.keel.ConfinedReader} (the one way to open a file named by a repository), {@link
 * dev.keel.AtomicFile} (writes that never leave a file half written) and {@link dev.keel.Version}.
 * Uses only the JDK.
 */
package dev.keel;
