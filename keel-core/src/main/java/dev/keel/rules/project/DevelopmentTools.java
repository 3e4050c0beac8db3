package dev.keel.rules.project;

import dev.keel.project.ProjectFile;
import dev.keel.rule.ProjectContext;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.TomlParseResult;

/**
 * Which formatters, linters, type checkers and test runners a project has set up, and where: their
 * sections in pyproject.toml, setup.cfg and tox.ini, their own configuration files, pre-commit
 * hooks, and the commands that tox, nox, Makefiles, task tables and CI pipelines run.
 */
final class DevelopmentTools {
  enum Role {
    FORMATTER,
    LINTER,
    TYPE_CHECKER,
    TEST_RUNNER
  }

  private record Command(Pattern pattern, String tool, Role role) {}

  private static final List<Command> COMMANDS =
      List.of(
          command("ruff\\s+format", "ruff format", Role.FORMATTER),
          command("black", "black", Role.FORMATTER),
          command("blue", "blue", Role.FORMATTER),
          command("yapf", "yapf", Role.FORMATTER),
          command("autopep8", "autopep8", Role.FORMATTER),
          command("ruff(?!\\s+format)", "ruff", Role.LINTER),
          command("flake8", "flake8", Role.LINTER),
          command("pylint", "pylint", Role.LINTER),
          command("pyflakes", "pyflakes", Role.LINTER),
          command("pycodestyle", "pycodestyle", Role.LINTER),
          command("mypy", "mypy", Role.TYPE_CHECKER),
          command("pyright", "pyright", Role.TYPE_CHECKER),
          command("basedpyright", "basedpyright", Role.TYPE_CHECKER),
          command("pytype", "pytype", Role.TYPE_CHECKER),
          command("pyre", "pyre", Role.TYPE_CHECKER),
          command("ty\\s+check", "ty", Role.TYPE_CHECKER),
          command("pytest", "pytest", Role.TEST_RUNNER),
          command("py\\.test", "pytest", Role.TEST_RUNNER),
          command("unittest", "unittest", Role.TEST_RUNNER),
          command("tox", "tox", Role.TEST_RUNNER),
          command("nox", "nox", Role.TEST_RUNNER),
          command("hatch\\s+test", "hatch test", Role.TEST_RUNNER),
          command("manage\\.py\\s+test", "django test", Role.TEST_RUNNER));

  /** Tables of pyproject.toml that configure a tool. */
  private static final Map<String, Role> PYPROJECT_TABLES = new LinkedHashMap<>();

  /** Sections of setup.cfg (and tox.ini) that configure a tool. */
  private static final Map<String, Role> INI_SECTIONS = new LinkedHashMap<>();

  /** A tool's own configuration file at the project root. */
  private static final Map<String, Role> OWN_FILES = new LinkedHashMap<>();

  /** pre-commit hook ids. */
  private static final Map<String, Role> HOOKS = new LinkedHashMap<>();

  static {
    PYPROJECT_TABLES.put("tool.black", Role.FORMATTER);
    PYPROJECT_TABLES.put("tool.ruff.format", Role.FORMATTER);
    PYPROJECT_TABLES.put("tool.yapf", Role.FORMATTER);
    PYPROJECT_TABLES.put("tool.autopep8", Role.FORMATTER);
    PYPROJECT_TABLES.put("tool.ruff", Role.LINTER);
    PYPROJECT_TABLES.put("tool.flake8", Role.LINTER);
    PYPROJECT_TABLES.put("tool.pylint", Role.LINTER);
    PYPROJECT_TABLES.put("tool.mypy", Role.TYPE_CHECKER);
    PYPROJECT_TABLES.put("tool.pyright", Role.TYPE_CHECKER);
    PYPROJECT_TABLES.put("tool.basedpyright", Role.TYPE_CHECKER);
    PYPROJECT_TABLES.put("tool.pytype", Role.TYPE_CHECKER);
    PYPROJECT_TABLES.put("tool.ty", Role.TYPE_CHECKER);
    PYPROJECT_TABLES.put("tool.pytest", Role.TEST_RUNNER);
    PYPROJECT_TABLES.put("tool.tox", Role.TEST_RUNNER);
    PYPROJECT_TABLES.put("tool.hatch.envs.hatch-test", Role.TEST_RUNNER);

    INI_SECTIONS.put("yapf", Role.FORMATTER);
    INI_SECTIONS.put("flake8", Role.LINTER);
    INI_SECTIONS.put("pycodestyle", Role.LINTER);
    INI_SECTIONS.put("pylint", Role.LINTER);
    INI_SECTIONS.put("mypy", Role.TYPE_CHECKER);
    INI_SECTIONS.put("pytype", Role.TYPE_CHECKER);
    INI_SECTIONS.put("tool:pytest", Role.TEST_RUNNER);
    INI_SECTIONS.put("pytest", Role.TEST_RUNNER);
    INI_SECTIONS.put("tox:tox", Role.TEST_RUNNER);

    OWN_FILES.put(".style.yapf", Role.FORMATTER);
    OWN_FILES.put("ruff.toml", Role.LINTER);
    OWN_FILES.put(".ruff.toml", Role.LINTER);
    OWN_FILES.put(".flake8", Role.LINTER);
    OWN_FILES.put(".pylintrc", Role.LINTER);
    OWN_FILES.put("pylintrc", Role.LINTER);
    OWN_FILES.put("mypy.ini", Role.TYPE_CHECKER);
    OWN_FILES.put(".mypy.ini", Role.TYPE_CHECKER);
    OWN_FILES.put("pyrightconfig.json", Role.TYPE_CHECKER);
    OWN_FILES.put(".pyre_configuration", Role.TYPE_CHECKER);
    OWN_FILES.put("ty.toml", Role.TYPE_CHECKER);
    OWN_FILES.put("pytest.ini", Role.TEST_RUNNER);
    OWN_FILES.put("tox.ini", Role.TEST_RUNNER);
    OWN_FILES.put("tox.toml", Role.TEST_RUNNER);
    OWN_FILES.put("noxfile.py", Role.TEST_RUNNER);

    for (String id : List.of("ruff-format", "black", "black-jupyter", "blue", "yapf", "autopep8")) {
      HOOKS.put(id, Role.FORMATTER);
    }
    for (String id : List.of("ruff", "ruff-check", "flake8", "pylint", "pyflakes", "pycodestyle")) {
      HOOKS.put(id, Role.LINTER);
    }
    for (String id : List.of("mypy", "pyright", "basedpyright", "pytype", "ty")) {
      HOOKS.put(id, Role.TYPE_CHECKER);
    }
    for (String id : List.of("pytest", "pytest-check", "tox", "nox", "unittest")) {
      HOOKS.put(id, Role.TEST_RUNNER);
    }
  }

  /** Script and task tables whose values are commands. */
  private static final List<String> PYPROJECT_SCRIPTS =
      List.of("tool.hatch.envs", "tool.pdm.scripts", "tool.poe.tasks", "tool.taskipy.tasks");

  private static final List<String> COMMAND_FILES =
      List.of(
          "Makefile", "makefile", "GNUmakefile", "justfile", "Justfile", "tox.ini", "noxfile.py");

  private static final Pattern RUFF_FORMAT_SECTION = Pattern.compile("(?m)^\\s*\\[format]");
  private static final Pattern INI_HEADER_LINE = Pattern.compile("(?m)^\\s*\\[[^\\]\\r\\n]*]\\s*$");
  private static final Pattern INI_SECTION = Pattern.compile("(?m)^\\s*\\[([^\\]\\r\\n]+)]");
  private static final Pattern HOOK_ID =
      Pattern.compile("(?m)^\\s*(?:-\\s*)?id:\\s*[\"']?([\\w.-]+)");
  private static final Pattern HOOK_ENTRY = Pattern.compile("(?m)^\\s*(?:-\\s*)?entry:\\s*(.+)$");

  private final Map<Role, Set<String>> found = new EnumMap<>(Role.class);

  private DevelopmentTools() {
    for (Role r : Role.values()) {
      found.put(r, new LinkedHashSet<>());
    }
  }

  /** What {@code project} has set up, with where each tool was found. */
  static DevelopmentTools of(ProjectContext project) {
    DevelopmentTools tools = new DevelopmentTools();
    tools.scan(project);
    return tools;
  }

  /** The tools found for a role, each with where it was found, such as {@code mypy (mypy.ini)}. */
  Set<String> tools(Role role) {
    return found.get(role);
  }

  boolean has(Role role) {
    return !found.get(role).isEmpty();
  }

  private void add(Role role, String tool, String where) {
    found.get(role).add(tool + " (" + where + ")");
  }

  private void scan(ProjectContext project) {
    Optional<TomlParseResult> pyproject = project.pyproject();
    if (pyproject.isPresent()) {
      TomlParseResult toml = pyproject.get();
      for (Map.Entry<String, Role> e : PYPROJECT_TABLES.entrySet()) {
        if (toml.isTable(e.getKey())) {
          add(e.getValue(), toolName(e.getKey()), "[" + e.getKey() + "] in pyproject.toml");
        }
      }
      for (String table : PYPROJECT_SCRIPTS) {
        for (String command : Pyproject.allStrings(toml, table)) {
          commands(command, "[" + table + "] in pyproject.toml");
        }
      }
    }
    project.read("setup.cfg").ifPresent(text -> iniSections(text, "setup.cfg"));
    project.read("tox.ini").ifPresent(text -> iniSections(text, "tox.ini"));
    for (String name : List.of("ruff.toml", ".ruff.toml")) {
      project
          .read(name)
          .filter(text -> RUFF_FORMAT_SECTION.matcher(text).find())
          .ifPresent(text -> add(Role.FORMATTER, "ruff format", "[format] in " + name));
    }
    for (Map.Entry<String, Role> e : OWN_FILES.entrySet()) {
      if (project.exists(e.getKey())) {
        add(e.getValue(), toolName(e.getKey()), e.getKey());
      }
    }
    for (ProjectFile f : project.files()) {
      if (f.name().equals("conftest.py")) {
        add(Role.TEST_RUNNER, "pytest", f.path());
        break;
      }
    }
    for (String name : List.of(".pre-commit-config.yaml", ".pre-commit-config.yml")) {
      project.read(name).ifPresent(text -> preCommit(text, name));
    }
    for (String name : COMMAND_FILES) {
      project.read(name).ifPresent(text -> commands(text, name));
    }
    for (ProjectFile f : project.files(f -> CiFiles.isCiFile(f.path()))) {
      project.read(f.path()).ifPresent(text -> commands(text, f.path()));
    }
  }

  private void iniSections(String text, String file) {
    Matcher m = INI_SECTION.matcher(text);
    while (m.find()) {
      String section = m.group(1).strip();
      String head = section.contains("-") ? section.substring(0, section.indexOf('-')) : section;
      if (head.startsWith("pylint.")) {
        head = "pylint";
      }
      Role role = INI_SECTIONS.get(head);
      if (role != null) {
        add(role, toolName(head), "[" + section + "] in " + file);
      }
    }
  }

  private void preCommit(String text, String file) {
    Matcher id = HOOK_ID.matcher(text);
    while (id.find()) {
      Role role = HOOKS.get(id.group(1));
      if (role != null) {
        String tool = id.group(1).equals("ruff-format") ? "ruff format" : id.group(1);
        add(role, tool, "hook " + id.group(1) + " in " + file);
      }
    }
    Matcher entry = HOOK_ENTRY.matcher(text);
    while (entry.find()) {
      commands(entry.group(1), file);
    }
  }

  private void commands(String text, String file) {
    // Section headers ([tox], [testenv:lint]) name no command; quotes and commas separate
    // words too: nox writes session.run("black", ".").
    String words = INI_HEADER_LINE.matcher(text).replaceAll("").replaceAll("[\"',()\\[\\]]", " ");
    for (Command c : COMMANDS) {
      if (c.pattern().matcher(words).find()) {
        add(c.role(), c.tool(), "run in " + file);
      }
    }
  }

  private static String toolName(String key) {
    return switch (key) {
      case "tool.ruff.format" -> "ruff format";
      case "tool.hatch.envs.hatch-test" -> "hatch test";
      case "tool:pytest", "pytest.ini" -> "pytest";
      case "tox:tox", "tox.ini", "tox.toml" -> "tox";
      case "noxfile.py" -> "nox";
      case ".style.yapf" -> "yapf";
      case "ruff.toml", ".ruff.toml" -> "ruff";
      case ".flake8" -> "flake8";
      case ".pylintrc", "pylintrc" -> "pylint";
      case "mypy.ini", ".mypy.ini" -> "mypy";
      case "pyrightconfig.json" -> "pyright";
      case ".pyre_configuration" -> "pyre";
      case "ty.toml" -> "ty";
      default -> key.startsWith("tool.") ? key.substring("tool.".length()) : key;
    };
  }

  private static Command command(String regex, String tool, Role role) {
    // A command word: not part of a longer name, a path or a file name (mypy.ini, ruff-action).
    return new Command(Pattern.compile("(?<![\\w.\\-/])" + regex + "(?![\\w\\-.])"), tool, role);
  }
}
