/**
 * The CI family: GitHub Actions workflows ({@code .github/workflows/*.yml}) read as YAML, for what
 * lets an outsider turn CI against the repository (a pull_request_target that runs the pull
 * request's code, a title expanded into a script, an action at a branch, a token with default
 * permissions, a secret printed to the log). {@code Yaml} reads a document with Jackson's YAML
 * parser under limits that hostile documents cannot get past; {@code Workflows} reads each file
 * once through the project context. Depends on the rule framework, the project model and Jackson.
 */
package dev.keel.rules.ci;
