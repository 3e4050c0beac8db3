/**
 * Reporters: turn a {@link dev.keel.report.Report} (a plain value the orchestrator builds from the
 * judge's {@link dev.keel.judge.JudgedFinding}s) into text for people (text, markdown) or machines
 * (json, sarif, github, junit). A reporter only formats; it decides nothing about which findings
 * exist or whether the run fails. Depends on {@code finding}, on {@code judge} (the judged
 * findings) and on {@code rule} (a rule's descriptor) only, never on {@code audit}.
 */
package dev.keel.report;
