/**
 * Reporters: turn a {@link dev.keel.report.Report} (a plain value the orchestrator builds) into
 * text for people (text, markdown) or machines (json, sarif, github, junit). A reporter only
 * formats; it decides nothing about which findings exist or whether the run fails. Depends on
 * {@code finding} and on {@code rule} (a rule's descriptor) only, never on {@code audit}.
 */
package dev.keel.report;
