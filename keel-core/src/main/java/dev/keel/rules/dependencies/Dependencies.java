package dev.keel.rules.dependencies;

import dev.keel.config.ConfigException;
import dev.keel.config.ConfigLoader;
import dev.keel.project.ProjectFile;
import dev.keel.project.ProjectLayout;
import dev.keel.rule.ProjectContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The one reading of a repository's dependencies that every DEP rule shares, so that they cannot
 * contradict each other: what each project (the root and each sub-project of {@link ProjectLayout})
 * declares, which top-level names are the repository's own code, what each declared distribution
 * installs with it (lockfiles, else a table of well-known ones), and how an import is matched to a
 * declaration ({@link #resolve}).
 */
final class Dependencies {
  private static final Map<String, List<String>> REQUIRES = loadRequires();
  private static final java.util.regex.Pattern EXTRAS =
      java.util.regex.Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)\\[([A-Za-z0-9._,\\s-]+)\\]");

  /** What an import of a third-party name comes to. */
  sealed interface Resolution {}

  /** A declared distribution provides it. */
  record Provided(String distribution) implements Resolution {}

  /** The repository's own code: a module under a source root or a top-level package. */
  record FirstParty() implements Resolution {}

  /** Only installed because {@code via}, which is declared, requires it. */
  record Transitive(String distribution, String via) implements Resolution {}

  /** Nothing declared provides it. */
  record Missing() implements Resolution {}

  private final ProjectContext project;
  private final ProjectLayout layout;
  private final ImportNameMap map;
  private final Map<String, List<Declared>> declaredByProject = new LinkedHashMap<>();
  private final Set<String> firstParty = new HashSet<>();
  private final Map<String, Set<String>> requires = new HashMap<>();
  private final Set<String> modulesByFolder = new HashSet<>();
  private final Set<String> environmentFiles = new HashSet<>();
  private final List<ImportUse> uses;
  private final List<InstalledApps.App> apps;

  /** {@code "import\0distribution"}: pairs matched by {@link #pair}. */
  private final Set<String> paired = new HashSet<>();

  /**
   * providesByName's answers: every import name is compared with every declared distribution, by
   * every DEP rule, and the loose comparison builds strings (netbox: most of a warm run's time).
   */
  private final Map<String, Boolean> byName = new java.util.concurrent.ConcurrentHashMap<>();

  private Dependencies(ProjectContext project) {
    this.project = project;
    this.layout = project.project().layout();
    this.map = ImportNameMap.forProject(project.root());
    for (String dir : layout.projects()) {
      declaredByProject.put(dir, DeclaredDependencies.of(project, dir));
      readLocks(dir);
    }
    REQUIRES.forEach((k, v) -> requires.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
    // An extra named after a distribution brings it: kombu[redis] installs redis, passlib[bcrypt]
    // bcrypt.
    for (Declared d : declared()) {
      project
          .read(d.file())
          .ifPresent(
              text -> {
                java.util.regex.Matcher m = EXTRAS.matcher(text);
                while (m.find()) {
                  if (DeclaredDependencies.normalise(m.group(1)).equals(d.name())) {
                    for (String e : m.group(2).split(",")) {
                      if (!e.isBlank()) {
                        requires
                            .computeIfAbsent(d.name(), x -> new HashSet<>())
                            .add(DeclaredDependencies.normalise(e.strip()));
                      }
                    }
                  }
                }
              });
    }
    for (ProjectFile f : project.files()) {
      f.module().ifPresent(m -> firstParty.add(top(m)));
    }
    // Top-level packages anywhere (a package folder whose parent is none), and modules beside the
    // file that imports them (a script's folder is the first entry of sys.path).
    Set<String> paths = new HashSet<>();
    project.files().forEach(f -> paths.add(f.path()));
    for (ProjectFile f : project.files(ProjectFile::isPython)) {
      String p = f.path();
      String folder = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "";
      String stem = f.name().substring(0, f.name().lastIndexOf('.'));
      modulesByFolder.add(folder + "\0" + stem);
      if (stem.equals("__init__") && !folder.isEmpty()) {
        String top = folder;
        while (top.contains("/")
            && paths.contains(top.substring(0, top.lastIndexOf('/')) + "/__init__.py")) {
          top = top.substring(0, top.lastIndexOf('/'));
        }
        firstParty.add(top.substring(top.lastIndexOf('/') + 1));
        String parent = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : "";
        modulesByFolder.add(parent + "\0" + folder.substring(folder.lastIndexOf('/') + 1));
      }
    }
    for (ProjectFile f : project.files()) {
      if (DeclaredDependencies.isRequirementsFile(f.path())
          && project.read(f.path()).map(RequirementsFiles::installsProject).orElse(false)) {
        environmentFiles.add(f.path());
      }
    }
    this.uses = ImportUses.of(project);
    this.apps = InstalledApps.of(project);
    // Top-level folders and modules of the repository and of each source root: importable as the
    // project's own code whatever path the code runs from (a script folder, a sibling package).
    for (ProjectFile f : project.files(ProjectFile::isPython)) {
      for (String root : layout.sourceRoots()) {
        String prefix = root.isEmpty() ? "" : root + "/";
        if (f.path().startsWith(prefix)) {
          String rest = f.path().substring(prefix.length());
          String first = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
          if (first.endsWith(".py")) {
            first = first.substring(0, first.length() - 3);
          }
          firstParty.add(first);
        }
      }
    }
    pair();
  }

  /** The third-party imports of every module (see {@link ImportUses}). */
  List<ImportUse> uses() {
    return uses;
  }

  /** The Django apps the settings install. */
  List<InstalledApps.App> apps() {
    return apps;
  }

  /**
   * Whether {@code d} comes from a requirements file that installs the project itself ({@code -e
   * .}): a development environment's pins.
   */
  boolean isEnvironmentPin(Declared d) {
    return environmentFiles.contains(d.file());
  }

  /**
   * Matches what is left over on both sides, per project: imports no declaration provides by name,
   * and declared distributions nothing imports by name, when the import's words are the
   * distribution's words in order ({@code strawberry_django} is strawberry-graphql-django, {@code
   * sorl} in INSTALLED_APPS is sorl-thumbnail). The same package is then neither undeclared nor
   * unused.
   */
  private void pair() {
    for (String dir : layout.projects()) {
      List<Declared> declared = new ArrayList<>(declaredByProject.getOrDefault(dir, List.of()));
      if (!dir.isEmpty()) {
        declared.addAll(declaredByProject.getOrDefault("", List.of()));
      }
      Set<String> names = new java.util.TreeSet<>();
      for (ImportUse u : uses) {
        if (layout.projectOf(u.path()).equals(dir)) {
          names.add(u.topLevel());
        }
      }
      for (InstalledApps.App a : apps) {
        if (layout.projectOf(a.path()).equals(dir)) {
          names.add(a.topLevel());
        }
      }
      Set<String> usedDists = new HashSet<>();
      Set<String> leftoverNames = new java.util.TreeSet<>();
      for (String n : names) {
        boolean matched = false;
        for (Declared d : declared) {
          if (providesByName(d.name(), n)) {
            usedDists.add(d.name());
            matched = true;
          }
        }
        if (!matched && !firstParty.contains(n)) {
          leftoverNames.add(n);
        }
      }
      for (String n : leftoverNames) {
        for (Declared d : declared) {
          if (!usedDists.contains(d.name()) && sameWords(n, d.name())) {
            paired.add(n + "\0" + d.name());
            usedDists.add(d.name());
            break;
          }
        }
      }
    }
  }

  /** Whether the import's words ({@code _}-separated) are the distribution's, in order. */
  static boolean sameWords(String topLevel, String distribution) {
    String[] is = topLevel.toLowerCase(java.util.Locale.ROOT).split("_");
    String[] ds = distribution.split("-");
    if (is.length == 0 || ds.length == 0 || is[0].length() < 4) {
      return false;
    }
    int j = 0;
    for (String d : ds) {
      if (j < is.length && d.equals(is[j])) {
        j++;
      }
    }
    return j == is.length && (ds[0].equals(is[0]) || ds.length > 1 && ds[1].equals(is[0]));
  }

  /** The last project's, so the five DEP rules of one audit build it once. */
  private record Built(ProjectContext project, Dependencies dependencies) {}

  private static volatile Built last;

  static Dependencies of(ProjectContext project) {
    Built b = last;
    if (b != null && b.project() == project) {
      return b.dependencies();
    }
    Dependencies d = new Dependencies(project);
    last = new Built(project, d);
    return d;
  }

  ImportNameMap names() {
    return map;
  }

  /** Every declaration of every project. */
  List<Declared> declared() {
    List<Declared> out = new ArrayList<>();
    declaredByProject.values().forEach(out::addAll);
    return out;
  }

  /** The declarations that apply to code at {@code path}: its project's and the root's. */
  List<Declared> declaredFor(String path) {
    String dir = layout.projectOf(path);
    List<Declared> out = new ArrayList<>(declaredByProject.getOrDefault(dir, List.of()));
    if (!dir.isEmpty()) {
      out.addAll(declaredByProject.getOrDefault("", List.of()));
    }
    return out;
  }

  /** The project folder whose declarations hold {@code declared}. */
  String projectOf(Declared declared) {
    return layout.projectOf(declared.file());
  }

  /** Whether the import of {@code topLevel} is the repository's own code. */
  boolean isFirstParty(String topLevel) {
    return firstParty.contains(topLevel);
  }

  /** What the import of {@code topLevel} by the file at {@code path} comes to. */
  Resolution resolve(String path, String topLevel) {
    List<Declared> declared = declaredFor(path);
    for (Declared d : declared) {
      if (provides(d.name(), topLevel)) {
        return new Provided(d.name());
      }
    }
    String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    if (isFirstParty(topLevel) || modulesByFolder.contains(folder + "\0" + topLevel)) {
      return new FirstParty();
    }
    Set<String> candidates = map.distributions(topLevel);
    for (Declared d : declared) {
      Set<String> closure = closure(d.name());
      for (String c : candidates) {
        if (closure.contains(c)) {
          return new Transitive(c, d.name());
        }
      }
    }
    return new Missing();
  }

  /** Whether {@code distribution} is the one that provides {@code topLevel} by name. */
  boolean provides(String distribution, String topLevel) {
    return providesByName(distribution, topLevel)
        || paired.contains(topLevel + "\0" + distribution);
  }

  private boolean providesByName(String distribution, String topLevel) {
    return byName.computeIfAbsent(
        distribution + "\0" + topLevel,
        k ->
            map.distributions(topLevel).contains(distribution)
                || looselyNamed(topLevel, distribution));
  }

  /**
   * Whether an import name and a distribution name are the same name spelt as the ecosystem spells
   * them: {@code django_filters} is django-filter, {@code compressor} is django-compressor, {@code
   * dateutil} is python-dateutil. Case, separators, a framework or {@code python}/{@code py} prefix
   * and a plural {@code s} do not count.
   */
  static boolean looselyNamed(String topLevel, String distribution) {
    String i = squash(topLevel);
    String d = squash(distribution);
    if (i.length() < 3 || d.length() < 3) {
      return false;
    }
    for (String prefix : List.of("", "django", "flask", "python", "py", "sphinx", "pytest")) {
      String dd = d.startsWith(prefix) ? d.substring(prefix.length()) : d;
      String ii = i.startsWith(prefix) ? i.substring(prefix.length()) : i;
      if (dd.length() >= 3
          && (singular(dd).equals(singular(i)) || singular(dd).equals(singular(ii)))) {
        return true;
      }
    }
    return false;
  }

  private static String squash(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      if (c != '-' && c != '_' && c != '.') {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static String singular(String s) {
    return s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
  }

  /** What installing {@code distribution} installs too, transitively (itself excluded). */
  Set<String> closure(String distribution) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(requires.getOrDefault(distribution, Set.of()));
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (seen.add(n)) {
        todo.addAll(requires.getOrDefault(n, Set.of()));
      }
    }
    seen.remove(distribution);
    return seen;
  }

  /** poetry.lock, uv.lock and pdm.lock: each locked package and what it requires. */
  private void readLocks(String dir) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    for (String lock : List.of("poetry.lock", "uv.lock", "pdm.lock")) {
      String path = prefix + lock;
      Optional<String> text = project.read(path);
      if (text.isEmpty()) {
        continue;
      }
      TomlParseResult toml;
      try {
        toml =
            ConfigLoader.parseToml(
                project.root().resolve(path), text.get().getBytes(StandardCharsets.UTF_8));
      } catch (ConfigException e) {
        continue; // a broken lockfile adds nothing
      }
      TomlArray packages = toml.isArray("package") ? toml.getArray("package") : null;
      if (packages == null) {
        continue;
      }
      for (int i = 0; i < packages.size(); i++) {
        if (!(packages.get(i) instanceof TomlTable p) || !p.isString("name")) {
          continue;
        }
        Set<String> deps =
            requires.computeIfAbsent(
                DeclaredDependencies.normalise(p.getString("name")), k -> new HashSet<>());
        if (p.isTable("dependencies")) {
          // poetry.lock: [package.dependencies] name = "constraint"
          p.getTable("dependencies")
              .keySet()
              .forEach(k -> deps.add(DeclaredDependencies.normalise(k)));
        } else if (p.isArray("dependencies")) {
          TomlArray a = p.getArray("dependencies");
          for (int j = 0; j < a.size(); j++) {
            Object o = a.get(j);
            if (o instanceof TomlTable t && t.isString("name")) {
              deps.add(DeclaredDependencies.normalise(t.getString("name"))); // uv.lock
            } else if (o instanceof String s) {
              DeclaredDependencies.requirementName(s).ifPresent(deps::add); // pdm.lock
            }
          }
        }
      }
    }
  }

  private static String top(String module) {
    return module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
  }

  private static Map<String, List<String>> loadRequires() {
    Map<String, List<String>> out = new HashMap<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                Dependencies.class.getResourceAsStream("requires.txt"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] parts = t.split("\\s+");
        List<String> deps = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
          deps.add(DeclaredDependencies.normalise(parts[i]));
        }
        out.put(DeclaredDependencies.normalise(parts[0]), List.copyOf(deps));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
