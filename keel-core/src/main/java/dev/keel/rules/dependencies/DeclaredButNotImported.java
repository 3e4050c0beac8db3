package dev.keel.rules.dependencies;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.project.ProjectFile;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    List<Declared> unused = new ArrayList<>();
    for (Declared d : declared) {
      if (d.dev()
          || d.extra()
          || RUN_WITHOUT_IMPORT.contains(d.name())
          || d.name().startsWith("types-")
          || d.name().endsWith("-stubs")) {
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
      if (!used) {
        unused.add(d);
      }
    }
    // One pass over the modules' text for all the names left, however many there are.
    Set<String> mentioned =
        mentionedInCode(
            project, unused.stream().map(d -> moduleOf(d.name())).collect(Collectors.toSet()));
    for (Declared d : unused) {
      if (mentioned.contains(moduleOf(d.name())) || !reported.add(d.name())) {
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

  /** Whether code at {@code path} belongs to the project in {@code dir} ("" holds every file). */
  private static boolean inProject(Dependencies deps, String dir, String path) {
    return dir.isEmpty() || path.startsWith(dir + "/");
  }

  private static String moduleOf(String distribution) {
    return distribution.replace('-', '_');
  }

  /**
   * Which of these import names appear as a word in some module: Django apps in INSTALLED_APPS,
   * plugins named in strings, {@code importlib.import_module("x")}. A name is mentioned where a
   * quote is followed by it and then by a dot or a quote. One pass over each module's text, however
   * many names are asked about (a search per name grew with names times modules).
   */
  private static Set<String> mentionedInCode(ProjectContext project, Set<String> modules) {
    Set<String> found = new HashSet<>();
    if (modules.isEmpty()) {
      return found;
    }
    // Names of other characters than a scan of identifiers and dots would meet: one search each.
    List<String> odd = modules.stream().filter(m -> !isDotted(m)).sorted().toList();
    Set<String> wanted = new HashSet<>(modules);
    wanted.removeAll(odd);
    for (ProjectFile f : project.files(ProjectFile::isPython)) {
      if (found.size() == modules.size()) {
        break;
      }
      if (ImportUses.BUILD_SCRIPTS.contains(f.name())) {
        continue; // setup.py names every dependency it declares
      }
      Optional<String> text = project.read(f.path());
      if (text.isEmpty()) {
        continue;
      }
      String t = text.get();
      if (!wanted.isEmpty()) {
        quotedWords(t, wanted, found);
      }
      for (String m : odd) {
        if (!found.contains(m)
            && Pattern.compile("['\"]" + Pattern.quote(m) + "[.'\"]").matcher(t).find()) {
          found.add(m);
        }
      }
    }
    return found;
  }

  private static boolean isDotted(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isWordOrDot(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordOrDot(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.';
  }

  /**
   * Adds to {@code found} each of {@code wanted} (names of letters, digits, underscores and dots)
   * that follows a quote in {@code text} and is followed by a dot or a quote.
   */
  private static void quotedWords(String text, Set<String> wanted, Set<String> found) {
    int n = text.length();
    for (int q = 0; q < n; q++) {
      char c = text.charAt(q);
      if (c != '\'' && c != '"') {
        continue;
      }
      int j = q + 1;
      while (j < n && isWordOrDot(text.charAt(j))) {
        if (text.charAt(j) == '.' && j > q + 1) {
          String name = text.substring(q + 1, j);
          if (wanted.contains(name)) {
            found.add(name);
          }
        }
        j++;
      }
      if (j < n && j > q + 1 && (text.charAt(j) == '\'' || text.charAt(j) == '"')) {
        String name = text.substring(q + 1, j);
        if (wanted.contains(name)) {
          found.add(name);
        }
      }
    }
  }

  private static int lineLength(String text, int line) {
    String[] lines = text.split("\r?\n", -1);
    return line <= lines.length ? lines[line - 1].length() : 1;
  }
}
