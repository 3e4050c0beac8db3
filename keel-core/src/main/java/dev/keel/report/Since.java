package dev.keel.report;

/**
 * What {@code keel check --since REF} compared with: the report then holds only new and worsened
 * findings, and counts the rest.
 *
 * @param ref the revision as the user wrote it
 * @param commit the commit it named
 * @param existing findings that were there at REF already, no worse, and are not shown
 */
public record Since(String ref, String commit, int existing) {}
