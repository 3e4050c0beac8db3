package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlParseResult;

@RuleSpec(
    code = "PRJ002",
    summary = "pyproject.toml does not declare the project's name, version or requires-python",
    severity = Severity.WARNING,
    effortMinutes = 5,
    needs = Needs.FILES)
final class MissingProjectMetadata implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    Optional<TomlParseResult> parsed = project.pyproject();
    if (parsed.isEmpty()) {
      return;
    }
    TomlParseResult toml = parsed.get();
    List<String> dynamic = Pyproject.strings(toml, "project.dynamic");
    boolean poetry = toml.isTable("tool.poetry");
    if (!toml.isTable("project") && !poetry) {
      out.report(
          Pyproject.PATH,
          "pyproject.toml has no [project] table: the project declares no name, version or"
              + " requires-python");
      return;
    }
    for (String key : List.of("name", "version", "requires-python")) {
      boolean declared = toml.contains("project." + key) || dynamic.contains(key);
      if (!declared && poetry) {
        String poetryKey =
            key.equals("requires-python")
                ? "tool.poetry.dependencies.python"
                : "tool.poetry." + key;
        declared = toml.contains(poetryKey);
      }
      if (declared) {
        continue;
      }
      String message =
          poetry
              ? "neither [project] nor [tool.poetry] declares "
                  + (key.equals("requires-python") ? "requires-python or a python dependency" : key)
                  + hint(key)
              : "[project] declares no " + key + hint(key);
      Optional<Span> span =
          Pyproject.spanOf(project, toml, toml.isTable("project") ? "project" : "tool.poetry");
      if (span.isPresent()) {
        out.report(Pyproject.PATH, span.get(), message);
      } else {
        out.report(Pyproject.PATH, message);
      }
    }
  }

  private static String hint(String key) {
    return switch (key) {
      case "version" -> " (write it, or list it in dynamic = [\"version\"])";
      case "requires-python" -> " (installers cannot tell which Pythons the code runs on)";
      default -> "";
    };
  }
}
