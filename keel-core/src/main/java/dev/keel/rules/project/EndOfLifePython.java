package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.Optional;
import java.util.function.Predicate;
import org.tomlj.TomlParseResult;

@RuleSpec(
    code = "PRJ004",
    summary = "requires-python admits a Python version that no longer gets security fixes",
    severity = Severity.WARNING,
    effortMinutes = 15,
    needs = Needs.FILES)
final class EndOfLifePython implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    Optional<TomlParseResult> parsed = project.pyproject();
    if (parsed.isEmpty()) {
      return;
    }
    TomlParseResult toml = parsed.get();
    String key = "project.requires-python";
    Optional<String> constraint = Pyproject.string(toml, key);
    Optional<Predicate<Pep440.Version>> admits =
        constraint.flatMap(Pep440::parseSpecifiers).map(set -> set::contains);
    if (constraint.isEmpty()) {
      key = "tool.poetry.dependencies.python";
      constraint = Pyproject.string(toml, key);
      admits = constraint.flatMap(PoetryConstraint::parse);
    }
    if (admits.isEmpty() || constraint.get().isBlank()) {
      return; // absent (PRJ002), not valid or empty (PRJ003)
    }
    Optional<String> eol = PythonReleases.oldestAdmittedEndOfLife(admits.get(), project.today());
    if (eol.isEmpty()) {
      return;
    }
    String minor = eol.get();
    String message =
        constraint.get().strip()
            + " admits Python "
            + minor
            + ", end of life since "
            + PythonReleases.END_OF_LIFE.get(minor)
            + PythonReleases.oldestSupported(project.today())
                .map(v -> "; require >=" + v + " and test on it")
                .orElse("");
    Optional<Span> span = Pyproject.spanOf(project, toml, key);
    if (span.isPresent()) {
      out.report(Pyproject.PATH, span.get(), message);
    } else {
      out.report(Pyproject.PATH, message);
    }
  }
}
