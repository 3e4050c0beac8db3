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
          "supervisor",
          // Database drivers Django and SQLAlchemy load from an ENGINE or URL setting.
          "psycopg",
          "psycopg2",
          "mssql-django",
          // Loaded by the framework when a feature needs it: FastAPI's forms, pydantic's EmailStr.
          "python-multipart",
          "email-validator");

  @Override
  public void check(ProjectContext project, FindingSink out) {
    Dependencies deps = Dependencies.of(project);
    List<Declared> declared = deps.declared();
    if (declared.stream().allMatch(d -> d.dev() || d.extra())) {
      return;
    }
    // What each project's code uses: its imports, and the Django apps its settings install.
    List<ImportUse> uses = deps.uses();
    List<InstalledApps.App> apps = deps.apps();
    Set<String> reported = new HashSet<>();
    for (Declared d : declared) {
      if (d.dev()
          || d.extra()
          || RUN_WITHOUT_IMPORT.contains(d.name())
          || d.name().startsWith("types-")
          || d.name().endsWith("-stubs")
          || reported.contains(d.name())) {
        continue;
      }
      String dir = deps.projectOf(d);
      boolean used =
          uses.stream()
                  .anyMatch(
                      u -> inProject(deps, dir, u.path()) && deps.provides(d.name(), u.topLevel()))
              || apps.stream()
                  .anyMatch(
                      a -> inProject(deps, dir, a.path()) && deps.provides(d.name(), a.topLevel()));
      if (used || mentionedInCode(project, d.name())) {
        continue;
      }
      reported.add(d.name());
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

  /** Whether code at {@code path} belongs to the project in {@code dir} ("" holds every file). */
  private static boolean inProject(Dependencies deps, String dir, String path) {
    return dir.isEmpty() || path.startsWith(dir + "/");
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
      if (ImportUses.BUILD_SCRIPTS.contains(f.name())) {
        continue; // setup.py names every dependency it declares
      }
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
