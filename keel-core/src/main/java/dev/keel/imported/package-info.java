/**
 * Findings of other tools read from their JSON outputs (Ruff's {@code --output-format json}, mypy's
 * {@code -O json} lines), mapped to Keel's families with an effort, so that one report and one debt
 * number hold them; duplicates of Keel's own findings are merged away. Uses findings and the
 * judge's table of foreign codes only; the audit orchestrator calls it.
 */
package dev.keel.imported;
