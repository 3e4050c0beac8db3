package dev.keel.rules.notebooks;

import dev.keel.finding.Severity;
import dev.keel.rule.Needs;
import dev.keel.rule.Rule;
import dev.keel.rule.RuleSpec;

/**
 * Declares the finding the notebook step gives a notebook it cannot read (not JSON, not nbformat 4,
 * no cells list) or parts of one it read around (a cell whose source is not text). There is nothing
 * to check here: {@code dev.keel.audit.NotebookStep} reports it, when selected.
 */
@RuleSpec(
    code = "NBK006",
    summary = "a notebook cannot be read (not JSON, not nbformat 4, a malformed cell): not audited",
    severity = Severity.ERROR,
    effortMinutes = 10,
    needs = Needs.SYNTAX)
final class UnreadableNotebook implements Rule {}
