package dev.keel.rules.dependencies;

import dev.keel.project.ProjectFile;
import dev.keel.rule.ProjectContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Every dependency the project declares, wherever it declares it: {@code [project]} dependencies
 * and optional-dependencies (PEP 621), {@code [dependency-groups]} (PEP 735), Poetry and PDM
 * tables, {@code setup.cfg}, {@code setup.py} and requirements files.
 */
final class DeclaredDependencies {
  private static final Pattern NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");
  private static final Pattern DEV_NAME =
      Pattern.compile(
          "(?i)(dev|test|tests|testing|lint|linting|docs|doc|typing|types|mypy|ci|style|check|bench)");

  private DeclaredDependencies() {}

  /** PEP 503: lower case, runs of {@code -_.} as one {@code -}. */
  static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  /** The distribution named by a PEP 508 requirement string, if it names one. */
  static Optional<String> requirementName(String requirement) {
    String r = requirement.strip();
    if (r.isEmpty()
        || r.startsWith("#")
        || r.startsWith("-")
        || r.contains("://") && !r.contains("@")) {
      return Optional.empty();
    }
    Matcher m = NAME.matcher(r);
    return m.find() ? Optional.of(normalise(m.group(1))) : Optional.empty();
  }

  /** Whether the project has any place that declares dependencies, even an empty one. */
  static boolean hasDeclarationSource(ProjectContext project) {
    boolean pyproject =
        project
            .pyproject()
            .map(
                t ->
                    t.contains("project.dependencies")
                        || t.contains("tool.poetry.dependencies")
                        || t.contains("project.optional-dependencies")
                        || t.contains("dependency-groups"))
            .orElse(false);
    boolean setup =
        project.read("setup.cfg").map(x -> x.contains("install_requires")).orElse(false)
            || project.read("setup.py").map(x -> x.contains("install_requires")).orElse(false);
    return pyproject
        || setup
        || project.files().stream().anyMatch(f -> isRequirementsFile(f.path()));
  }

  static List<Declared> of(ProjectContext project) {
    List<Declared> out = new ArrayList<>();
    project.pyproject().ifPresent(toml -> fromPyproject(project, toml, out));
    project.read("setup.cfg").ifPresent(text -> fromSetupCfg(text, out));
    project.read("setup.py").ifPresent(text -> fromSetupPy(text, out));
    for (ProjectFile f : project.files()) {
      if (isRequirementsFile(f.path())) {
        boolean dev = DEV_NAME.matcher(f.path()).find();
        project.read(f.path()).ifPresent(text -> fromRequirements(text, f.path(), dev, out));
      }
    }
    return out;
  }

  static boolean isRequirementsFile(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    return (name.startsWith("requirements")
            || name.endsWith("requirements.txt")
            || name.endsWith("requirements.in")
            || folder.endsWith("requirements"))
        && (name.endsWith(".txt") || name.endsWith(".in"));
  }

  private static void fromPyproject(
      ProjectContext project, TomlParseResult toml, List<Declared> out) {
    String text = project.read("pyproject.toml").orElse("");
    strings(toml, "project.dependencies").forEach(r -> add(r, false, "pyproject.toml", text, out));
    TomlTable optional = toml.getTable("project.optional-dependencies");
    if (optional != null) {
      for (String group : optional.keySet()) {
        boolean dev = DEV_NAME.matcher(group).matches() || DEV_NAME.matcher(group).lookingAt();
        strings(optional, List.of(group))
            .forEach(
                r ->
                    requirementName(r)
                        .ifPresent(
                            n ->
                                out.add(
                                    new Declared(
                                        n, dev, "pyproject.toml", lineOf(text, r), true))));
      }
    }
    TomlTable groups = toml.getTable("dependency-groups");
    if (groups != null) {
      for (String group : groups.keySet()) {
        strings(groups, List.of(group)).forEach(r -> add(r, true, "pyproject.toml", text, out));
      }
    }
    poetry(toml.getTable("tool.poetry.dependencies"), false, text, out);
    poetry(toml.getTable("tool.poetry.dev-dependencies"), true, text, out);
    TomlTable poetryGroups = toml.getTable("tool.poetry.group");
    if (poetryGroups != null) {
      for (String group : poetryGroups.keySet()) {
        boolean dev = !group.equals("main");
        poetry(poetryGroups.getTable(List.of(group, "dependencies")), dev, text, out);
      }
    }
    TomlTable pdmDev = toml.getTable("tool.pdm.dev-dependencies");
    if (pdmDev != null) {
      for (String group : pdmDev.keySet()) {
        strings(pdmDev, List.of(group)).forEach(r -> add(r, true, "pyproject.toml", text, out));
      }
    }
  }

  private static void poetry(TomlTable deps, boolean dev, String text, List<Declared> out) {
    if (deps == null) {
      return;
    }
    for (String name : deps.keySet()) {
      if (!name.equalsIgnoreCase("python")) {
        out.add(new Declared(normalise(name), dev, "pyproject.toml", lineOfKey(text, name)));
      }
    }
  }

  private static List<String> strings(TomlTable table, String dotted) {
    TomlArray a = table.getArray(dotted);
    return a == null ? List.of() : strings(a);
  }

  private static List<String> strings(TomlTable table, List<String> path) {
    TomlArray a = table.isArray(path) ? table.getArray(path) : null;
    return a == null ? List.of() : strings(a);
  }

  private static List<String> strings(TomlArray a) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) instanceof String s) {
        out.add(s);
      }
    }
    return out;
  }

  private static void add(
      String requirement, boolean dev, String file, String text, List<Declared> out) {
    requirementName(requirement)
        .ifPresent(n -> out.add(new Declared(n, dev, file, lineOf(text, requirement))));
  }

  /** setup.cfg {@code [options] install_requires} and {@code [options.extras_require]}. */
  private static void fromSetupCfg(String text, List<Declared> out) {
    String section = "";
    String key = "";
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String t = line.strip();
      if (t.startsWith("[") && t.endsWith("]")) {
        section = t.substring(1, t.length() - 1).strip();
        key = "";
        continue;
      }
      if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
        continue;
      }
      String value;
      if (!Character.isWhitespace(line.charAt(0)) && t.contains("=")) {
        key = t.substring(0, t.indexOf('=')).strip();
        value = t.substring(t.indexOf('=') + 1).strip();
      } else {
        value = t;
      }
      boolean install = section.equals("options") && key.equals("install_requires");
      boolean extra = section.equals("options.extras_require");
      boolean tests = section.equals("options") && key.equals("tests_require");
      if (install || extra || tests) {
        boolean dev = tests || extra && DEV_NAME.matcher(key).lookingAt();
        for (String r : value.split(";")[0].split(",")) {
          int line1 = i + 1;
          requirementName(r).ifPresent(n -> out.add(new Declared(n, dev, "setup.cfg", line1)));
        }
      }
    }
  }

  private static final Pattern SETUP_PY_LIST =
      Pattern.compile("(install_requires|tests_require)\\s*=\\s*\\[([^\\]]*)\\]", Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");

  /** The literal lists of {@code install_requires=[…]} in setup.py. */
  private static void fromSetupPy(String text, List<Declared> out) {
    Matcher m = SETUP_PY_LIST.matcher(text);
    while (m.find()) {
      boolean dev = m.group(1).equals("tests_require");
      Matcher q = QUOTED.matcher(m.group(2));
      while (q.find()) {
        String req = q.group(1);
        requirementName(req)
            .ifPresent(n -> out.add(new Declared(n, dev, "setup.py", lineOf(text, req))));
      }
    }
  }

  private static void fromRequirements(String text, String path, boolean dev, List<Declared> out) {
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      int hash = l.indexOf(" #");
      if (hash >= 0) {
        l = l.substring(0, hash);
      }
      int line1 = i + 1;
      requirementName(l).ifPresent(n -> out.add(new Declared(n, dev, path, line1)));
    }
  }

  private static int lineOf(String text, String needle) {
    int at = text.indexOf("\"" + needle);
    if (at < 0) {
      at = text.indexOf("'" + needle);
    }
    if (at < 0) {
      at = text.indexOf(needle);
    }
    return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private static int lineOfKey(String text, String key) {
    Matcher m = Pattern.compile("(?m)^\\s*\"?" + Pattern.quote(key) + "\"?\\s*=").matcher(text);
    return m.find()
        ? (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1
        : 0;
  }
}
