/**
 * Findings as plain values: {@link dev.keel.finding.Finding} as a rule emits it (code, severity,
 * message, path, span, effort; nothing the judge decides), its {@link dev.keel.finding.Span} and
 * its {@link dev.keel.finding.Severity}. The bottom of keel-core: every step may use it, and it
 * uses nothing else of Keel (only the JDK).
 */
package dev.keel.finding;
