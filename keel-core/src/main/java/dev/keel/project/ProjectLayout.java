package dev.keel.project;

import dev.keel.ConfinedReader;
import dev.keel.config.ConfigException;
import dev.keel.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Where a repository's code lives, read from how it is packaged rather than guessed: the source
 * roots its modules are named from and the projects it holds.
 *
 * <p>Source roots come from, in each project folder: {@code [tool.setuptools]} {@code package-dir}
 * and {@code packages.find.where}; hatch's {@code tool.hatch.build[.targets.wheel]} {@code
 * packages}/{@code sources}; Poetry's {@code packages = [{include, from}]}; flit's module under
 * {@code src/}; PDM's {@code tool.pdm.build.package-dir}; uv's {@code
 * tool.uv.build-backend.module-root}; setup.cfg {@code [options] package_dir} and {@code
 * [options.packages.find] where}; setup.py's {@code package_dir=} and {@code find_packages(...)}
 * (read by {@link SetupPy}, never run); then the conventions: a {@code src/} folder, a {@code lib/}
 * folder of packages that is no package itself, and the folder of a Django project's {@code
 * manage.py} one level down (netbox keeps it in {@code netbox/}). Explicit {@code source = [...]}
 * in {@code [tool.keel]} wins over all of them. The project root is always a root too, the last one
 * tried, so a file outside every root is named from the top.
 *
 * <p>A repository holds several projects when folders below the root have their own {@code
 * pyproject.toml} (with {@code [project]}, {@code [tool.poetry]} or {@code [build-system]}), {@code
 * setup.py} (calling {@code setup()}) or {@code setup.cfg} (with {@code [metadata]}); folders of
 * tests, test data and templates do not count.
 *
 * @param sourceRoots the source roots relative to the project root, {@code /}-separated, {@code ""}
 *     for the root itself; deepest first (a file is named from the first that holds it)
 * @param subprojects the folders below the root that hold a project of their own, sorted
 */
public record ProjectLayout(List<String> sourceRoots, List<String> subprojects) {
  public ProjectLayout {
    List<String> roots = new ArrayList<>(new LinkedHashSet<>(sourceRoots));
    if (!roots.contains("")) {
      roots.add("");
    }
    roots.sort(Comparator.comparingInt(ProjectLayout::depth).reversed());
    sourceRoots = List.copyOf(roots);
    subprojects = subprojects.stream().distinct().sorted().toList();
  }

  /** The layout before packaging was read: configured roots, else {@code src/}, and the root. */
  static ProjectLayout conventional(Path root, List<String> configured) {
    List<String> roots = new ArrayList<>();
    for (Path p : ModuleNames.sourceRoots(root, configured)) {
      roots.add(ProjectDiscovery.relative(root, p));
    }
    return new ProjectLayout(roots, List.of());
  }

  /**
   * Reads the layout of the project at {@code root} whose discovered files are {@code paths}.
   *
   * @param configured {@code source} of {@code [tool.keel]}: when non-empty, these are the roots
   */
  public static ProjectLayout read(
      Path root, List<String> configured, ConfinedReader reader, Collection<String> paths) {
    Set<String> files = new HashSet<>(paths);
    Set<String> folders = new HashSet<>();
    for (String p : paths) {
      for (int i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
        folders.add(p.substring(0, i));
      }
    }
    List<String> subprojects = new ArrayList<>();
    for (String p : paths) {
      String name = p.substring(p.lastIndexOf('/') + 1);
      if (!p.contains("/")
          || !(name.equals("pyproject.toml")
              || name.equals("setup.py")
              || name.equals("setup.cfg"))) {
        continue;
      }
      String dir = p.substring(0, p.lastIndexOf('/'));
      if (!subprojects.contains(dir) && !isFixtureOrTemplate(dir) && isProject(root, reader, p)) {
        subprojects.add(dir);
      }
    }
    List<String> roots = new ArrayList<>();
    if (!configured.isEmpty()) {
      for (String s : configured) {
        roots.add(ProjectDiscovery.relative(root, root.resolve(s).normalize()));
      }
    } else {
      Reader r = new Reader(root, reader, files, folders);
      r.project("");
      subprojects.forEach(r::project);
      roots.addAll(r.roots);
    }
    return new ProjectLayout(roots, subprojects);
  }

  /** The dotted module name of the Python file at {@code path} (relative to the root). */
  public Optional<String> moduleName(Path root, Path file) {
    List<Path> roots = new ArrayList<>();
    for (String s : sourceRoots) {
      roots.add(s.isEmpty() ? root : root.resolve(s));
    }
    return ModuleNames.moduleName(root, roots, file);
  }

  /** The folder of the deepest project holding {@code path}: a sub-project, or {@code ""}. */
  public String projectOf(String path) {
    String best = "";
    for (String s : subprojects) {
      if (path.startsWith(s + "/") && s.length() > best.length()) {
        best = s;
      }
    }
    return best;
  }

  /** Every project folder, the root ({@code ""}) first. */
  public List<String> projects() {
    List<String> out = new ArrayList<>();
    out.add("");
    out.addAll(subprojects);
    return out;
  }

  private static int depth(String rel) {
    return rel.isEmpty() ? 0 : rel.split("/").length;
  }

  private static boolean isFixtureOrTemplate(String dir) {
    for (String part : dir.split("/")) {
      String p = part.toLowerCase(Locale.ROOT);
      if (p.equals("tests")
          || p.equals("test")
          || p.equals("testing")
          || p.equals("fixtures")
          || p.equals("testdata")
          || p.equals("test_data")
          || p.equals("data")
          || p.startsWith(".")
          || p.contains("{{")
          || p.contains("{%")
          || p.endsWith("_template")
          || p.equals("templates")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isProject(Path root, ConfinedReader reader, String path) {
    Optional<String> text = text(root, reader, path);
    if (text.isEmpty()) {
      return false;
    }
    String t = text.get();
    if (path.endsWith("pyproject.toml")) {
      return t.contains("[project]") || t.contains("[tool.poetry]") || t.contains("[build-system]");
    }
    if (path.endsWith("setup.cfg")) {
      return t.contains("[metadata]");
    }
    return SetupPy.read(t).hasSetupCall();
  }

  static Optional<String> text(Path root, ConfinedReader reader, String path) {
    return reader.read(root.resolve(path), path) instanceof ConfinedReader.Bytes b
        ? Optional.of(new String(b.bytes(), StandardCharsets.UTF_8))
        : Optional.empty();
  }

  /** Collects the source roots of each project folder. */
  private static final class Reader {
    private final Path root;
    private final ConfinedReader reader;
    private final Set<String> files;
    private final Set<String> folders;
    final List<String> roots = new ArrayList<>();

    Reader(Path root, ConfinedReader reader, Set<String> files, Set<String> folders) {
      this.root = root;
      this.reader = reader;
      this.files = files;
      this.folders = folders;
    }

    void project(String dir) {
      roots.add(dir);
      String prefix = dir.isEmpty() ? "" : dir + "/";
      List<String> declared = new ArrayList<>();
      if (files.contains(prefix + "pyproject.toml")) {
        text(root, reader, prefix + "pyproject.toml")
            .flatMap(t -> toml(root.resolve(prefix + "pyproject.toml"), t))
            .ifPresent(t -> pyproject(t, prefix, declared));
      }
      if (files.contains(prefix + "setup.cfg")) {
        text(root, reader, prefix + "setup.cfg").ifPresent(t -> setupCfg(t, declared));
      }
      if (files.contains(prefix + "setup.py")) {
        text(root, reader, prefix + "setup.py")
            .map(SetupPy::read)
            .ifPresent(s -> setupPy(s, declared));
      }
      for (String d : declared) {
        String rel = normalise(prefix + d);
        if (rel != null && (rel.isEmpty() || folders.contains(rel))) {
          roots.add(rel);
        }
      }
      // Conventions.
      if (folders.contains(prefix + "src")) {
        roots.add(prefix + "src");
      }
      if (folders.contains(prefix + "lib")
          && !files.contains(prefix + "lib/__init__.py")
          && files.stream()
              .anyMatch(f -> f.startsWith(prefix + "lib/") && f.endsWith("/__init__.py"))) {
        roots.add(prefix + "lib");
      }
      if (!files.contains(prefix + "manage.py")) {
        djangoManagePy(prefix);
      }
    }

    /** A Django project's manage.py one folder down: that folder is where its modules start. */
    private void djangoManagePy(String prefix) {
      List<String> found = new ArrayList<>();
      for (String f : files) {
        if (f.startsWith(prefix) && f.endsWith("/manage.py")) {
          String rest = f.substring(prefix.length());
          if (rest.indexOf('/') == rest.lastIndexOf('/')
              && !isFixtureOrTemplate(rest)
              && text(root, reader, f)
                  .map(t -> t.contains("DJANGO_SETTINGS_MODULE") || t.contains("django"))
                  .orElse(false)) {
            found.add(prefix + rest.substring(0, rest.indexOf('/')));
          }
        }
      }
      if (found.size() == 1) {
        roots.add(found.get(0));
      }
    }

    private static Optional<TomlParseResult> toml(Path file, String text) {
      try {
        return Optional.of(ConfigLoader.parseToml(file, text.getBytes(StandardCharsets.UTF_8)));
      } catch (ConfigException e) {
        return Optional.empty();
      }
    }

    private void pyproject(TomlParseResult t, String prefix, List<String> out) {
      TomlTable packageDir =
          t.isTable("tool.setuptools.package-dir")
              ? t.getTable("tool.setuptools.package-dir")
              : null;
      if (packageDir != null) {
        packageDir(packageDir.toMap(), out);
      }
      out.addAll(strings(t, "tool.setuptools.packages.find.where"));
      for (String key :
          List.of("tool.hatch.build.targets.wheel.packages", "tool.hatch.build.packages")) {
        for (String p : strings(t, key)) {
          out.add(parent(p));
        }
      }
      for (String key :
          List.of("tool.hatch.build.targets.wheel.sources", "tool.hatch.build.sources")) {
        out.addAll(strings(t, key));
        TomlTable sources = t.isTable(key) ? t.getTable(key) : null;
        if (sources != null) {
          out.addAll(sources.keySet());
        }
      }
      TomlArray poetry =
          t.isArray("tool.poetry.packages") ? t.getArray("tool.poetry.packages") : null;
      if (poetry != null) {
        for (int i = 0; i < poetry.size(); i++) {
          if (poetry.get(i) instanceof TomlTable p) {
            String include = p.isString("include") ? p.getString("include") : null;
            String from = p.isString("from") ? p.getString("from") : null;
            if (from != null) {
              out.add(from);
            } else if (include != null && include.contains("/")) {
              out.add(parent(include));
            }
          }
        }
      }
      String flit = string(t, "tool.flit.module.name");
      if (flit != null && folders.contains(prefix + "src/" + flit.replace('.', '/'))) {
        out.add("src");
      }
      String pdm = string(t, "tool.pdm.build.package-dir");
      if (pdm != null) {
        out.add(pdm);
      }
      String uv = string(t, "tool.uv.build-backend.module-root");
      if (uv != null) {
        out.add(uv);
      }
    }

    /** setup.cfg {@code [options] package_dir} ({@code =src}) and {@code packages.find where}. */
    private void setupCfg(String text, List<String> out) {
      String section = "";
      String key = "";
      for (String line : text.split("\r?\n", -1)) {
        String s = line.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
          section = s.substring(1, s.length() - 1).strip();
          key = "";
          continue;
        }
        if (s.isEmpty() || s.startsWith("#") || s.startsWith(";")) {
          continue;
        }
        String value = s;
        boolean continuation = Character.isWhitespace(line.charAt(0));
        int eq = s.indexOf('=');
        if (!continuation && eq > 0) {
          key = s.substring(0, eq).strip();
          value = s.substring(eq + 1).strip();
        }
        if (value.isEmpty()) {
          continue;
        }
        if (section.equals("options") && key.equals("package_dir")) {
          // "=src" or "pkg = lib/pkg", one a line or after the key.
          int e = value.indexOf('=');
          if (e >= 0) {
            packageDir(Map.of(value.substring(0, e).strip(), value.substring(e + 1).strip()), out);
          }
        } else if (section.equals("options.packages.find") && key.equals("where")) {
          out.add(value);
        }
      }
    }

    private static void setupPy(SetupPy s, List<String> out) {
      packageDir(s.packageDir(), out);
      out.addAll(s.findWhere());
    }

    private static void packageDir(Map<String, ?> map, List<String> out) {
      for (Map.Entry<String, ?> e : map.entrySet()) {
        if (!(e.getValue() instanceof String dir)) {
          continue;
        }
        if (e.getKey().isEmpty()) {
          out.add(dir);
        } else {
          // "pkg" = "lib/pkg": the package's name is its folder's, so modules start at "lib".
          String last = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
          String d = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
          if (d.equals(last) || d.endsWith("/" + last)) {
            out.add(parent(d));
          }
        }
      }
    }

    private static String parent(String path) {
      String p = path.startsWith("/") ? path.substring(1) : path;
      p = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
      int slash = p.lastIndexOf('/');
      return slash < 0 ? "" : p.substring(0, slash);
    }

    /** {@code ./src/} as {@code src}; null for a path leaving the project. */
    private static String normalise(String path) {
      List<String> parts = new ArrayList<>();
      for (String part : path.replace('\\', '/').split("/")) {
        if (part.isEmpty() || part.equals(".")) {
          continue;
        }
        if (part.equals("..")) {
          if (parts.isEmpty()) {
            return null;
          }
          parts.remove(parts.size() - 1);
        } else {
          parts.add(part);
        }
      }
      return String.join("/", parts);
    }

    private static String string(TomlParseResult t, String key) {
      return t.isString(key) ? t.getString(key) : null;
    }

    private static List<String> strings(TomlParseResult t, String key) {
      TomlArray a = t.isArray(key) ? t.getArray(key) : null;
      List<String> out = new ArrayList<>();
      if (a != null) {
        for (int i = 0; i < a.size(); i++) {
          if (a.get(i) instanceof String s) {
            out.add(s);
          }
        }
      }
      return out;
    }
  }
}
