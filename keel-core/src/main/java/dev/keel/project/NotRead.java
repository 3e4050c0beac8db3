package dev.keel.project;

import dev.keel.ConfinedReader;

/**
 * A file of the project that Keel did not read (see {@link ConfinedReader}): no rule judged it.
 *
 * @param path relative to the project root, {@code /}-separated
 * @param message the sentence that says why, naming the file
 */
public record NotRead(String path, ConfinedReader.Reason reason, String message) {}
