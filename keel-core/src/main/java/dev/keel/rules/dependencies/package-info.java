/**
 * {@code DEP}: whether what the code imports and what the project declares agree. Reads the
 * declarations (pyproject.toml, setup.cfg, setup.py, requirements files), maps import names to
 * distributions, and compares them with the imports of the module summaries.
 */
package dev.keel.rules.dependencies;
