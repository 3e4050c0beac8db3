package dev.keel.rules.dependencies;

import dev.keel.project.ProjectFile;
import dev.keel.project.SetupPy;
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
    for (String dir : project.project().layout().projects()) {
      if (hasDeclarationSource(project, dir)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the project in folder {@code dir} ({@code ""}: the root) declares dependencies. */
  static boolean hasDeclarationSource(ProjectContext project, String dir) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    boolean pyproject =
        pyproject(project, dir)
            .map(
                t ->
                    t.contains("project.dependencies")
                        || t.contains("tool.poetry.dependencies")
                        || t.contains("project.optional-dependencies")
                        || t.contains("dependency-groups"))
            .orElse(false);
    boolean setup =
        project.read(prefix + "setup.cfg").map(x -> x.contains("install_requires")).orElse(false)
            || project
                .read(prefix + "setup.py")
                .map(x -> x.contains("install_requires"))
                .orElse(false);
    return pyproject
        || setup
        || project.files().stream()
            .anyMatch(f -> isRequirementsFile(f.path()) && ownedBy(project, f.path(), dir));
  }

  /** Every declaration of the whole repository, each project's included. */
  static List<Declared> of(ProjectContext project) {
    List<Declared> out = new ArrayList<>();
    for (String dir : project.project().layout().projects()) {
      out.addAll(of(project, dir));
    }
    return out;
  }

  /**
   * The declarations of the project in folder {@code dir} ({@code ""}: the root): its
   * pyproject.toml, setup.cfg and setup.py, and the requirements files in it that no deeper project
   * owns.
   */
  static List<Declared> of(ProjectContext project, String dir) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    List<Declared> out = new ArrayList<>();
    pyproject(project, dir).ifPresent(toml -> fromPyproject(project, prefix, toml, out));
    project.read(prefix + "setup.cfg").ifPresent(text -> fromSetupCfg(text, prefix, out));
    project.read(prefix + "setup.py").ifPresent(text -> fromSetupPy(text, prefix, out));
    for (ProjectFile f : project.files()) {
      if (isRequirementsFile(f.path()) && ownedBy(project, f.path(), dir)) {
        project
            .read(f.path())
            .ifPresent(
                text -> {
                  boolean dev =
                      DEV_NAME.matcher(f.path()).find() || RequirementsFiles.installsProject(text);
                  int before = out.size();
                  fromRequirements(text, f.path(), dev, out);
                  if (f.path().contains("requirements/extras/")) {
                    // One file per extra (celery's layout): optional, not installed by default.
                    for (int i = before; i < out.size(); i++) {
                      Declared d = out.get(i);
                      out.set(i, new Declared(d.name(), d.dev(), d.file(), d.line(), true));
                    }
                  }
                });
      }
    }
    return out;
  }

  private static boolean ownedBy(ProjectContext project, String path, String dir) {
    return project.project().layout().projectOf(path).equals(dir);
  }

  private static Optional<TomlParseResult> pyproject(ProjectContext project, String dir) {
    if (dir.isEmpty()) {
      return project.pyproject();
    }
    String path = dir + "/pyproject.toml";
    return project
        .read(path)
        .flatMap(
            text -> {
              try {
                return Optional.of(
                    dev.keel.config.ConfigLoader.parseToml(
                        project.root().resolve(path),
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
              } catch (dev.keel.config.ConfigException e) {
                return Optional.empty();
              }
            });
  }

  static boolean isRequirementsFile(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    return (name.startsWith("requirements")
            || name.endsWith("requirements.txt")
            || name.endsWith("requirements.in")
            || folder.endsWith("requirements")
            || folder.endsWith("requirements/extras"))
        && (name.endsWith(".txt") || name.endsWith(".in"));
  }

  private static void fromPyproject(
      ProjectContext project, String prefix, TomlParseResult toml, List<Declared> out) {
    String file = prefix + "pyproject.toml";
    String text = project.read(file).orElse("");
    strings(toml, "project.dependencies").forEach(r -> add(r, false, file, text, out));
    TomlTable optional = toml.getTable("project.optional-dependencies");
    if (optional != null) {
      for (String group : optional.keySet()) {
        boolean dev = DEV_NAME.matcher(group).matches() || DEV_NAME.matcher(group).lookingAt();
        strings(optional, List.of(group))
            .forEach(
                r ->
                    requirementName(r)
                        .ifPresent(
                            n -> out.add(new Declared(n, dev, file, lineOf(text, r), true))));
      }
    }
    TomlTable groups = toml.getTable("dependency-groups");
    if (groups != null) {
      for (String group : groups.keySet()) {
        strings(groups, List.of(group)).forEach(r -> add(r, true, file, text, out));
      }
    }
    poetry(toml.getTable("tool.poetry.dependencies"), false, file, text, out);
    poetry(toml.getTable("tool.poetry.dev-dependencies"), true, file, text, out);
    TomlTable poetryGroups = toml.getTable("tool.poetry.group");
    if (poetryGroups != null) {
      for (String group : poetryGroups.keySet()) {
        boolean dev = !group.equals("main");
        poetry(poetryGroups.getTable(List.of(group, "dependencies")), dev, file, text, out);
      }
    }
    TomlTable pdmDev = toml.getTable("tool.pdm.dev-dependencies");
    if (pdmDev != null) {
      for (String group : pdmDev.keySet()) {
        strings(pdmDev, List.of(group)).forEach(r -> add(r, true, file, text, out));
      }
    }
  }

  private static void poetry(
      TomlTable deps, boolean dev, String file, String text, List<Declared> out) {
    if (deps == null) {
      return;
    }
    for (String name : deps.keySet()) {
      if (!name.equalsIgnoreCase("python")) {
        out.add(new Declared(normalise(name), dev, file, lineOfKey(text, name)));
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
  private static void fromSetupCfg(String text, String prefix, List<Declared> out) {
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
          requirementName(r)
              .ifPresent(n -> out.add(new Declared(n, dev, prefix + "setup.cfg", line1)));
        }
      }
    }
  }

  /**
   * {@code install_requires}, {@code extras_require} and {@code tests_require} of setup.py's {@code
   * setup()} call, read with the parser ({@link SetupPy}): literal lists, also through a name bound
   * once at module level.
   */
  private static void fromSetupPy(String text, String prefix, List<Declared> out) {
    String file = prefix + "setup.py";
    SetupPy setup = SetupPy.read(text);
    for (SetupPy.Requirement r : setup.installRequires()) {
      requirementName(r.text()).ifPresent(n -> out.add(new Declared(n, false, file, r.line())));
    }
    for (SetupPy.Requirement r : setup.testsRequire()) {
      requirementName(r.text()).ifPresent(n -> out.add(new Declared(n, true, file, r.line())));
    }
    setup
        .extrasRequire()
        .forEach(
            (group, reqs) -> {
              boolean dev = DEV_NAME.matcher(group).lookingAt();
              for (SetupPy.Requirement r : reqs) {
                requirementName(r.text())
                    .ifPresent(n -> out.add(new Declared(n, dev, file, r.line(), true)));
              }
            });
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
      requirementName(l)
          .ifPresent(
              n -> out.add(new Declared(n, dev || RequirementsFiles.isDevTool(n), path, line1)));
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
