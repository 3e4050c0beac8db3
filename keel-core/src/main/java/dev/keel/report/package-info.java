/**
 * Reporters: turn an {@link dev.keel.audit.AuditResult} into text for people (text, markdown) or
 * machines (json, sarif, github, junit). A reporter only formats; it decides nothing about which
 * findings exist or whether the run fails. Depends on {@code audit} and {@code rule} only.
 */
package dev.keel.report;
