package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.Optional;
import org.tomlj.TomlParseResult;

@RuleSpec(
    code = "PRJ003",
    summary = "The project's version or requires-python is not valid PEP 440",
    severity = Severity.WARNING,
    effortMinutes = 5,
    needs = Needs.FILES)
final class NonPep440Version implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    Optional<TomlParseResult> parsed = project.pyproject();
    if (parsed.isEmpty()) {
      return;
    }
    TomlParseResult toml = parsed.get();
    for (String key : new String[] {"project.version", "tool.poetry.version"}) {
      Object value = toml.get(key);
      if (value != null && !(value instanceof String)) {
        report(
            project, toml, key, out, "version is not a string; write it in quotes, like \"1.2.0\"");
      } else if (value instanceof String version && !Pep440.isValidVersion(version)) {
        report(
            project,
            toml,
            key,
            out,
            "version \""
                + version
                + "\" is not a PEP 440 version; installers and indexes will reject it"
                + " (write it like 1.2.0, 1.2.0rc1, 1.2.0.post1 or 1.2.0.dev3)");
      }
    }
    String key = "project.requires-python";
    Object requires = toml.get(key);
    if (requires != null && !(requires instanceof String)) {
      report(project, toml, key, out, "requires-python is not a string; write it like \">=3.11\"");
    } else if (requires instanceof String r && r.isBlank()) {
      report(
          project,
          toml,
          key,
          out,
          "requires-python is empty, so it admits every Python (write it like >=3.11)");
    } else if (requires instanceof String r && Pep440.parseSpecifiers(r).isEmpty()) {
      report(
          project,
          toml,
          key,
          out,
          "requires-python \""
              + r
              + "\" is not a PEP 440 specifier set (write it like >=3.11 or >=3.11,<4)");
    }
  }

  private static void report(
      ProjectContext project, TomlParseResult toml, String key, FindingSink out, String message) {
    Optional<Span> span = Pyproject.spanOf(project, toml, key);
    if (span.isPresent()) {
      out.report(Pyproject.PATH, span.get(), message);
    } else {
      out.report(Pyproject.PATH, message);
    }
  }
}
