package dev.keel.rule;

/**
 * A project rule that reads coverage.py's data ({@link ProjectContext#coverage()}): a run reads the
 * data file only when one of these is selected, so a mistake in it stops only the runs that use it.
 */
public interface ReadsCoverage extends ProjectRule {}
