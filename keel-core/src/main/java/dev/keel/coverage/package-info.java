/**
 * Coverage: what coverage.py measured, read from its three data formats ({@code coverage.json},
 * Cobertura {@code coverage.xml} and the {@code .coverage} SQLite file), mapped onto the project's
 * files and, with the syntax tree, onto its callables ({@link dev.keel.coverage.CallableCoverage}).
 *
 * <p>A room beside the semantic model: it uses the shared readers, configuration (for its errors),
 * discovery's paths and the syntax tree and metrics, and nothing that comes after them. Bad data is
 * a {@link dev.keel.config.ConfigException}: one line, exit 2.
 */
package dev.keel.coverage;
