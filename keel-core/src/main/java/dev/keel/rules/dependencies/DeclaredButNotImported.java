package dev.keel.rules.dependencies;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.project.ProjectFile;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

@RuleSpec(
    code = "DEP002",
    summary = "a runtime dependency is declared but no module imports it",
    severity = Severity.WARNING,
    effortMinutes = 5)
final class DeclaredButNotImported implements ProjectRule {
  /**
   * Distributions a project needs at run time without importing them: servers, drivers loaded by
   * URL, plugins found by entry point, build back-ends.
   */
  static final Set<String> RUN_WITHOUT_IMPORT =
      Set.of(
          "gunicorn",
          "uvicorn",
          "hypercorn",
          "daphne",
          "waitress",
          "uwsgi",
          "setuptools",
          "wheel",
          "pip",
          "psycopg2-binary",
          "psycopg-binary",
          "pymysql",
          "mysqlclient",
          "cx-oracle",
          "oracledb",
          "pyodbc",
          "asyncpg",
          "aiosqlite",
          "certifi",
          "tzdata",
          "python-dotenv",
          "whitenoise",
          "supervisor");

  @Override
  public void check(ProjectContext project, FindingSink out) {
    List<Declared> declared = DeclaredDependencies.of(project);
    if (declared.stream().allMatch(d -> d.dev() || d.extra())) {
      return;
    }
    ImportNameMap map = ImportNameMap.forProject(project.root());
    Set<String> provided = new HashSet<>();
    for (ImportUse use : ImportUses.of(project)) {
      provided.addAll(map.distributions(use.topLevel()));
    }
    Set<String> reported = new HashSet<>();
    for (Declared d : declared) {
      if (d.dev()
          || d.extra()
          || provided.contains(d.name())
          || RUN_WITHOUT_IMPORT.contains(d.name())
          || d.name().startsWith("types-")
          || d.name().endsWith("-stubs")
          || !reported.add(d.name())
          || mentionedInCode(project, d.name())) {
        continue;
      }
      String message =
          d.name()
              + " is declared as a runtime dependency but nothing imports it: every install pulls"
              + " it in for nothing; remove it, or move it to a development group";
      if (d.line() > 0) {
        int length = project.read(d.file()).map(t -> lineLength(t, d.line())).orElse(1);
        out.report(d.file(), Span.wholeLine(d.line(), Math.max(1, length)), message);
      } else {
        out.report(d.file(), message);
      }
    }
  }

  /**
   * Whether the import name appears as a word in some module: Django apps in INSTALLED_APPS,
   * plugins named in strings, {@code importlib.import_module("x")}.
   */
  private static boolean mentionedInCode(ProjectContext project, String distribution) {
    String module = distribution.replace('-', '_');
    Pattern word = Pattern.compile("['\"]" + Pattern.quote(module) + "[.'\"]");
    List<ProjectFile> python = project.files(ProjectFile::isPython);
    for (ProjectFile f : python) {
      if (project.read(f.path()).map(t -> word.matcher(t).find()).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private static int lineLength(String text, int line) {
    String[] lines = text.split("\r?\n", -1);
    return line <= lines.length ? lines[line - 1].length() : 1;
  }
}
