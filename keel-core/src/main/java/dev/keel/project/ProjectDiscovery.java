package dev.keel.project;

import dev.keel.config.ConfigException;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Step 1 of the data flow: find the project root, read its configuration, walk its files honouring
 * {@code .gitignore} files and excludes, and classify what it finds.
 */
public final class ProjectDiscovery {
  /** Folders never worth auditing, whatever .gitignore says. */
  static final Set<String> DEFAULT_EXCLUDED_DIRS =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          ".venv",
          "venv",
          ".tox",
          ".nox",
          "node_modules",
          "build",
          "dist",
          "__pycache__",
          "site-packages",
          ".mypy_cache",
          ".pytest_cache",
          ".ruff_cache",
          ".eggs");

  static final List<String> ROOT_MARKERS =
      List.of("pyproject.toml", "keel.toml", "setup.cfg", "setup.py", ".git");

  private ProjectDiscovery() {}

  /**
   * Discovers the project holding {@code paths}.
   *
   * @param configFile an explicit configuration file (--config), else the project's own
   * @param override applied to the loaded configuration (command-line options)
   * @throws ConfigException for a path that does not exist, a file that is not Python, a folder
   *     without Python files, or bad configuration
   */
  public static Project discover(
      List<Path> paths, Optional<Path> configFile, UnaryOperator<KeelConfig> override) {
    if (paths.isEmpty()) {
      paths = List.of(Path.of("."));
    }
    List<Path> absolute = new ArrayList<>();
    for (Path p : paths) {
      Path a = p.toAbsolutePath().normalize();
      if (!Files.exists(a)) {
        throw new ConfigException("path does not exist: " + p);
      }
      if (Files.isRegularFile(a) && !isPythonName(a.getFileName().toString())) {
        throw new ConfigException(
            "not a Python file or a folder: " + p + " (give a project folder or .py files)");
      }
      if (!Files.isDirectory(a) && !Files.isRegularFile(a)) {
        throw new ConfigException("not a file or folder: " + p);
      }
      absolute.add(a);
    }
    Path root = findRoot(absolute.get(0));
    KeelConfig config;
    if (configFile.isPresent()) {
      Path cf = configFile.get();
      if (!Files.isRegularFile(cf)) {
        throw new ConfigException("configuration file does not exist: " + cf);
      }
      config = ConfigLoader.load(cf);
    } else {
      config = ConfigLoader.forProject(root);
    }
    config = override.apply(config);
    List<String> scope = new ArrayList<>();
    for (Path a : absolute) {
      if (!a.startsWith(root)) {
        throw new ConfigException(
            "all paths must be inside one project; " + a + " is outside " + root);
      }
      scope.add(relative(root, a));
    }
    List<ProjectFile> files = walk(root, config, absolute);
    Project project = new Project(root, config, files, scope);
    boolean anyPython =
        files.stream()
            .anyMatch(
                f -> (f.isPython() || f.kind() == FileKind.NOTEBOOK) && project.inScope(f.path()));
    if (!anyPython) {
      String why =
          absolute.get(0).equals(root)
              ? ""
              : " (the project root is "
                  + root
                  + "; its .gitignore files and excludes apply, so ignored files are skipped)";
      throw new ConfigException("no Python files found under " + paths.get(0) + why);
    }
    return project;
  }

  /** The nearest folder at or above {@code start} that has a project marker. */
  public static Path findRoot(Path start) {
    Path dir = Files.isDirectory(start) ? start : start.getParent();
    for (Path d = dir; d != null; d = d.getParent()) {
      for (String marker : ROOT_MARKERS) {
        if (Files.exists(d.resolve(marker))) {
          return d;
        }
      }
    }
    return dir;
  }

  static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  static boolean isPythonName(String name) {
    return name.endsWith(".py") || name.endsWith(".pyi") || name.endsWith(".ipynb");
  }

  private static List<ProjectFile> walk(Path root, KeelConfig config, List<Path> explicit) {
    List<Path> sourceRoots = ModuleNames.sourceRoots(root, config.source());
    IgnoreRules excludes = IgnoreRules.parse("", config.exclude());
    Deque<IgnoreRules> stack = new ArrayDeque<>();
    stack.push(excludes);
    IgnoreRules infoExclude = gitInfoExclude(root);
    if (infoExclude != null) {
      stack.push(infoExclude);
    }
    int baseDepth = stack.size();
    List<ProjectFile> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            private final Deque<Boolean> pushed = new ArrayDeque<>();

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root)) {
                String rel = relative(root, dir);
                String name = dir.getFileName().toString();
                if (DEFAULT_EXCLUDED_DIRS.contains(name)
                    || name.endsWith(".egg-info")
                    || ignored(stack, rel, true)
                    || Files.exists(dir.resolve("pyvenv.cfg"))) {
                  return FileVisitResult.SKIP_SUBTREE;
                }
              }
              Path gi = dir.resolve(".gitignore");
              if (Files.isRegularFile(gi)) {
                stack.push(IgnoreRules.parse(relative(root, dir), readLines(gi)));
                pushed.push(true);
              } else {
                pushed.push(false);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
              if (pushed.pop()) {
                stack.pop();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String rel = relative(root, file);
              if (explicit.contains(file) || !ignored(stack, rel, false)) {
                files.add(classify(root, sourceRoots, file, rel));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              String rel = relative(root, file);
              if (!ignored(stack, rel, false)) {
                files.add(classify(root, sourceRoots, file, rel));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new ConfigException("cannot walk " + root + ": " + e.getMessage());
    }
    assert stack.size() == baseDepth;
    files.sort(Comparator.comparing(ProjectFile::path));
    return files;
  }

  private static boolean ignored(Deque<IgnoreRules> stack, String rel, boolean directory) {
    // The deepest .gitignore decides first, as in git.
    for (IgnoreRules rules : stack) {
      Boolean v = rules.verdict(rel, directory);
      if (v != null) {
        return v;
      }
    }
    return false;
  }

  private static IgnoreRules gitInfoExclude(Path root) {
    Path p = root.resolve(".git").resolve("info").resolve("exclude");
    return Files.isRegularFile(p) ? IgnoreRules.parse("", readLines(p)) : null;
  }

  private static List<String> readLines(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return List.of();
    }
  }

  static ProjectFile classify(Path root, List<Path> sourceRoots, Path file, String rel) {
    String name = file.getFileName().toString();
    FileKind kind;
    if (name.endsWith(".ipynb")) {
      kind = FileKind.NOTEBOOK;
    } else if (name.endsWith(".py") || name.endsWith(".pyi")) {
      kind = isTestPath(rel) ? FileKind.TEST : FileKind.SOURCE;
    } else {
      kind = FileKind.OTHER;
    }
    Optional<String> module =
        kind == FileKind.SOURCE || kind == FileKind.TEST
            ? ModuleNames.moduleName(root, sourceRoots, file)
            : Optional.empty();
    return new ProjectFile(file, rel, kind, module);
  }

  static boolean isTestPath(String rel) {
    String[] parts = rel.split("/");
    String name = parts[parts.length - 1];
    String stem = name.substring(0, name.lastIndexOf('.'));
    if (stem.startsWith("test_") || stem.endsWith("_test") || stem.equals("conftest")) {
      return true;
    }
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].equals("tests") || parts[i].equals("test") || parts[i].equals("testing")) {
        return true;
      }
    }
    return false;
  }
}
