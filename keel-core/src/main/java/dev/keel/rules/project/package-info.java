/**
 * The PRJ family: project hygiene. Each rule looks at the repository as a whole (pyproject.toml,
 * lockfiles, tool configuration, CI, README, .gitignore, .env files, licence) through {@link
 * dev.keel.rule.ProjectContext}, and reports at the file that should hold the fix. {@link
 * dev.keel.rules.project.Pep440} implements PEP 440 versions and specifiers for them, and {@link
 * dev.keel.rules.project.RequiresPython} is the one reading of {@code requires-python} (the audit's
 * target version, ARC005's oldest Python). Depends on the rule framework, the project model and
 * {@code dev.keel.semantic.PythonVersion}.
 */
package dev.keel.rules.project;
