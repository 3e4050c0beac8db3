package dev.keel.rules.project;

import dev.keel.finding.Severity;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.rule.FindingSink;
import dev.keel.rule.Needs;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.TomlParseResult;

@RuleSpec(
    code = "PRJ011",
    summary = "The README is missing or does not show how to install, run and test the project",
    severity = Severity.WARNING,
    effortMinutes = 20,
    needs = Needs.FILES)
final class ReadmeWithoutCommands implements ProjectRule {
  private static final Pattern README_NAME =
      Pattern.compile("(?i)readme(\\.(md|markdown|rst|txt|adoc|org))?");

  private static final Pattern INSTALL =
      Pattern.compile(
          "\\b(?:(?:pip3?|python3?\\s+-m\\s+pip|py\\s+-m\\s+pip|uv\\s+pip|uv\\s+tool|pipx|pipenv"
              + "|poetry|pdm|conda|mamba)\\s+install"
              + "|(?:uv|pdm|rye)\\s+sync|uv\\s+add|hatch\\s+env\\s+create|conda\\s+env\\s+create"
              + "|make\\s+(?:install|setup|bootstrap|dev-install)"
              + "|python3?\\s+setup\\.py\\s+(?:install|develop)"
              + "|docker(?:\\s+compose|-compose)?\\s+build)\\b");

  private static final Pattern TEST =
      Pattern.compile(
          "(?<![\\w.-])(?:pytest|py\\.test|tox|nox|hatch\\s+test|coverage\\s+run"
              + "|python3?\\s+-m\\s+unittest|make\\s+(?:test|tests|check)|just\\s+test"
              + "|manage\\.py\\s+test|setup\\.py\\s+test|(?:pdm|poe|hatch\\s+run)\\s+test)"
              + "(?![\\w-])");

  private static final Pattern RUN =
      Pattern.compile(
          "(?<![\\w.-])(?:python3?\\s+-m\\s+(?!pip\\b|pytest\\b|unittest\\b|venv\\b|build\\b"
              + "|twine\\b|virtualenv\\b|ensurepip\\b|mypy\\b|ruff\\b|black\\b)[\\w.]+"
              + "|python3?\\s+(?!setup\\.py)[\\w./-]+\\.py"
              + "|(?:uv|poetry|pdm|hatch|pipenv|rye)\\s+run\\s+(?!(?:python3?\\s+-m\\s+)?"
              + "(?:pytest|py\\.test|tox|nox|unittest|mypy|ruff|black|pre-commit|coverage)\\b)[\\w./-]+"
              + "|uvx|pipx\\s+run|flask\\s+(?:--app\\s+\\S+\\s+)?run|fastapi\\s+(?:run|dev)"
              + "|uvicorn|gunicorn|hypercorn|daphne|streamlit\\s+run|manage\\.py\\s+runserver"
              + "|make\\s+(?:run|serve|start|up)|docker(?:\\s+compose|-compose)?\\s+(?:run|up)"
              + "|jupyter\\s+(?:lab|notebook))(?![\\w-])");

  private static final Pattern FENCE = Pattern.compile("^\\s*(```+|~~~+)");
  private static final Pattern INLINE = Pattern.compile("``?([^`\\n]+)``?");
  private static final Pattern PROMPT =
      Pattern.compile("^\\s*(?:\\(\\S+\\)\\s*)?(?:[$%]|>>>|PS>)\\s+");

  @Override
  public void check(ProjectContext project, FindingSink out) {
    Optional<String> readme = readmePath(project);
    if (readme.isEmpty()) {
      out.report(
          "README.md",
          "no README: add README.md with what the project is and the commands to install, run"
              + " and test it");
      return;
    }
    String text = project.read(readme.get()).orElse("");
    List<String> commands = commandLines(text);
    Pattern usage = usagePattern(project);
    boolean install = false;
    boolean run = false;
    boolean test = false;
    for (String c : commands) {
      install |= INSTALL.matcher(c).find();
      test |= TEST.matcher(c).find();
      run |= RUN.matcher(c).find() || (usage != null && usage.matcher(c).find());
    }
    List<String> missing = new ArrayList<>();
    if (!install) {
      missing.add("install");
    }
    if (!run) {
      missing.add("run");
    }
    if (!test) {
      missing.add("test");
    }
    if (missing.isEmpty()) {
      return;
    }
    String list =
        missing.size() == 1
            ? missing.get(0)
            : String.join(", ", missing.subList(0, missing.size() - 1))
                + " or "
                + missing.get(missing.size() - 1);
    out.report(
        readme.get(),
        readme.get()
            + " shows no command to "
            + list
            + " the project (in a code block or inline code); a newcomer has to guess");
  }

  private static Optional<String> readmePath(ProjectContext project) {
    Optional<TomlParseResult> toml = project.pyproject();
    if (toml.isPresent()) {
      Optional<String> declared = Pyproject.string(toml.get(), "project.readme");
      if (declared.isEmpty()) {
        declared = Pyproject.string(toml.get(), "project.readme.file");
      }
      if (declared.isEmpty()) {
        declared = Pyproject.string(toml.get(), "tool.poetry.readme");
      }
      if (declared.isPresent() && project.exists(declared.get())) {
        return declared;
      }
    }
    return project
        .files(f -> !f.path().contains("/") && README_NAME.matcher(f.path()).matches())
        .stream()
        .map(ProjectFile::path)
        .min(Comparator.comparingInt(ReadmeWithoutCommands::preference));
  }

  private static int preference(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    List<String> order = List.of("readme.md", "readme.rst", "readme.txt", "readme");
    int i = order.indexOf(lower);
    return i < 0 ? order.size() : i;
  }

  /** Lines of fenced and indented code blocks, inline code spans, and prompt lines. */
  static List<String> commandLines(String text) {
    List<String> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    String fence = null;
    boolean previousBlank = true;
    boolean inIndented = false;
    for (String line : lines) {
      Matcher f = FENCE.matcher(line);
      if (fence != null) {
        if (f.find() && f.group(1).charAt(0) == fence.charAt(0)) {
          fence = null;
        } else {
          out.add(stripPrompt(line));
        }
        continue;
      }
      if (f.find()) {
        fence = f.group(1);
        continue;
      }
      boolean indented = line.startsWith("    ") || line.startsWith("\t");
      if (indented && (previousBlank || inIndented) && !line.isBlank()) {
        inIndented = true;
        out.add(stripPrompt(line));
      } else if (!line.isBlank()) {
        inIndented = false;
        if (PROMPT.matcher(line).find()) {
          out.add(stripPrompt(line));
        }
        Matcher inline = INLINE.matcher(line);
        while (inline.find()) {
          out.add(inline.group(1).strip());
        }
      }
      previousBlank = line.isBlank();
    }
    return out;
  }

  private static String stripPrompt(String line) {
    return PROMPT.matcher(line).replaceFirst("").strip();
  }

  /**
   * A console script the project declares, or an import of one of its own top-level packages: a
   * library's README shows how to use it with an import.
   */
  private static Pattern usagePattern(ProjectContext project) {
    Set<String> names = new LinkedHashSet<>();
    for (ProjectFile f : project.files(f -> f.kind() == FileKind.SOURCE)) {
      f.module().ifPresent(m -> names.add(m.split("\\.")[0]));
    }
    names.remove("setup");
    names.remove("conftest");
    names.remove("noxfile");
    List<String> alternatives = new ArrayList<>();
    for (String n : names) {
      alternatives.add("(?:import|from)\\s+" + Pattern.quote(n) + "\\b");
    }
    project
        .pyproject()
        .ifPresent(
            toml -> {
              for (String table :
                  List.of("project.scripts", "project.gui-scripts", "tool.poetry.scripts")) {
                if (toml.isTable(table)) {
                  for (String script : toml.getTable(table).keySet()) {
                    alternatives.add("^" + Pattern.quote(script) + "(?![\\w-])");
                  }
                }
              }
            });
    return alternatives.isEmpty() ? null : Pattern.compile(String.join("|", alternatives));
  }
}
