package dev.keel.rules.syntax;

import dev.keel.finding.Severity;
import dev.keel.rule.Needs;
import dev.keel.rule.Rule;
import dev.keel.rule.RuleSpec;

/**
 * Declares the finding the audit itself gives a file it gave up on: its analysis ran past {@code
 * file-timeout}, or its tree nested deeper than the analysis could follow. There is nothing to
 * check here; {@code dev.keel.judge.Judge#ABANDONED} names the code it reports it under, when
 * selected.
 */
@RuleSpec(
    code = "SYN004",
    summary =
        "Keel gave up on the file (it ran past file-timeout, or nests too deeply): no rule judged"
            + " it",
    severity = Severity.ERROR,
    effortMinutes = 15,
    needs = Needs.SYNTAX)
final class AnalysisAbandoned implements Rule {}
