/**
 * The locked test suite: {@code keel tests lock} writes {@code keel-tests.lock}, a record of each
 * test (a hash of its syntax tree without positions, comments and docstrings, its assertions and
 * its skips), of the code around the tests that decides what they mean (fixtures, helpers,
 * module-level code, {@code conftest.py}) and of the pytest and coverage settings; {@code keel
 * tests verify} and TST010 compare the suite with it.
 *
 * <p>A room beside the semantic model: it uses the shared readers and version, configuration (for
 * its errors), discovery's files, the syntax tree, the semantic step's assertion counting and, for
 * {@code --since}, the history room. Nothing after the analysis step. A lock that cannot be read is
 * a {@link dev.keel.config.ConfigException}: one line, exit 2.
 */
package dev.keel.testlock;
