package dev.keel.project;

import dev.keel.ConfinedReader;
import dev.keel.config.ConfigException;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
          ".keel_cache",
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
      absolute.add(real(a));
    }
    Path root = findRoot(absolute.get(0));
    // What the command line asks for (--max-file-size) applies to the configuration files too.
    long limit = override.apply(KeelConfig.defaults()).maxFileSize();
    KeelConfig config;
    if (configFile.isPresent()) {
      Path cf = configFile.get();
      if (!Files.exists(cf)) {
        throw new ConfigException("configuration file does not exist: " + cf);
      }
      config = ConfigLoader.load(cf);
    } else {
      config = ConfigLoader.forProject(root, new ConfinedReader(root, limit));
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
    Walk walk = new Walk(root, config, absolute);
    walk.run();
    ProjectLayout layout = layout(root, config, walk.files);
    List<ProjectFile> files = new ArrayList<>(walk.files.size());
    for (ProjectFile f : walk.files) {
      files.add(
          f.module().isPresent()
              ? new ProjectFile(
                  f.absolute(), f.path(), f.kind(), layout.moduleName(root, f.absolute()))
              : f);
    }
    Project project = new Project(root, config, files, scope, walk.notRead, walk.warnings, layout);
    boolean anyPython =
        walk.files.stream()
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

  /** The layout read from the project's packaging, over the files the walk kept. */
  private static ProjectLayout layout(Path root, KeelConfig config, List<ProjectFile> files) {
    List<String> paths = new ArrayList<>(files.size());
    files.forEach(f -> paths.add(f.path()));
    return ProjectLayout.read(
        root, config.source(), new ConfinedReader(root, config.maxFileSize()), paths);
  }

  /**
   * A path with its folders' links resolved (the project root given through a link is followed,
   * once): a folder entirely, a file by its folder, so a file that is itself a link stays a link
   * and is judged as one.
   */
  private static Path real(Path a) {
    try {
      if (Files.isDirectory(a)) {
        return a.toRealPath();
      }
      Path parent = a.getParent();
      return parent == null ? a : parent.toRealPath().resolve(a.getFileName());
    } catch (IOException e) {
      throw new ConfigException("cannot resolve " + a + ": " + e.getMessage());
    }
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

  /**
   * The walk over the project's folders, without following links to folders (a link out of the
   * project is a finding, one inside is audited where it points), tolerant of folders it cannot
   * read (a warning names each) and of running out of file descriptors (retried).
   */
  private static final class Walk {
    private final Path root;
    private final List<Path> sourceRoots;
    private final List<Path> explicit;
    private final ConfinedReader reader;
    private final Deque<IgnoreRules> stack = new ArrayDeque<>();
    final List<ProjectFile> files = new ArrayList<>();
    final List<NotRead> notRead = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    Walk(Path root, KeelConfig config, List<Path> explicit) {
      this.root = root;
      this.sourceRoots = ModuleNames.sourceRoots(root, config.source());
      this.explicit = explicit;
      this.reader = new ConfinedReader(root, config.maxFileSize());
      stack.push(IgnoreRules.parse("", config.exclude(), "exclude of the configuration", warnings));
      Path info = root.resolve(".git").resolve("info").resolve("exclude");
      if (Files.isRegularFile(info, LinkOption.NOFOLLOW_LINKS)) {
        readIgnoreFile(info, "", ".git/info/exclude");
      }
    }

    void run() {
      directory(root, "");
      files.sort(Comparator.comparing(ProjectFile::path));
      notRead.sort(Comparator.comparing(NotRead::path));
    }

    private void directory(Path dir, String rel) {
      List<Path> entries = list(dir, rel);
      if (entries == null) {
        return;
      }
      boolean pushed = false;
      Path gi = dir.resolve(".gitignore");
      if (entries.contains(gi)) {
        pushed = readIgnoreFile(gi, rel, rel.isEmpty() ? ".gitignore" : rel + "/.gitignore");
      }
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        String path = rel.isEmpty() ? name : rel + "/" + name;
        BasicFileAttributes attrs;
        try {
          attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
          if (!ignored(stack, path, false)) {
            warnings.add("cannot read " + path + " (" + why(e) + "); it is not audited");
          }
          continue;
        }
        if (attrs.isDirectory()) {
          if (DEFAULT_EXCLUDED_DIRS.contains(name)
              || name.endsWith(".egg-info")
              || ignored(stack, path, true)
              || Files.exists(entry.resolve("pyvenv.cfg"), LinkOption.NOFOLLOW_LINKS)) {
            continue;
          }
          directory(entry, path);
        } else if (attrs.isSymbolicLink() && Files.isDirectory(entry)) {
          linkedFolder(entry, path, name);
        } else {
          file(entry, path, attrs);
        }
      }
      if (pushed) {
        stack.pop();
      }
    }

    /**
     * A link to a folder is not followed: inside the project its files are audited at their own
     * path (and a link to an ancestor cannot loop); outside, it is a finding.
     */
    private void linkedFolder(Path entry, String path, String name) {
      if (DEFAULT_EXCLUDED_DIRS.contains(name) || ignored(stack, path, true)) {
        return;
      }
      if (reader
          .check(entry, path)
          .filter(s -> s.reason() == ConfinedReader.Reason.OUTSIDE)
          .isPresent()) {
        notRead.add(
            new NotRead(
                path,
                ConfinedReader.Reason.OUTSIDE,
                path
                    + " is a symbolic link to a folder outside the project; Keel does not read it"));
      }
    }

    private void file(Path entry, String path, BasicFileAttributes attrs) {
      if (!explicit.contains(entry) && ignored(stack, path, false)) {
        return;
      }
      files.add(classify(root, sourceRoots, entry, path));
      // Found by walking from the real root without following links, a regular file is inside
      // the project: only its size needs checking. Anything else gets the full check.
      if (!attrs.isRegularFile() || attrs.size() > reader.maxBytes()) {
        reader
            .check(entry, path)
            .ifPresent(s -> notRead.add(new NotRead(path, s.reason(), s.message())));
      }
    }

    /** The folder's entries sorted, or null (with a warning) when it cannot be listed. */
    private List<Path> list(Path dir, String rel) {
      for (int attempt = 0; ; attempt++) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
          List<Path> out = new ArrayList<>();
          ds.forEach(out::add);
          out.sort(Comparator.naturalOrder());
          return out;
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
          IOException io =
              e instanceof IOException i
                  ? i
                  : ((java.nio.file.DirectoryIteratorException) e).getCause();
          if (ConfinedReader.isTooManyOpenFiles(io) && attempt < 40) {
            ConfinedReader.pause(attempt);
            continue;
          }
          String shown = rel.isEmpty() ? root.toString() : rel + "/";
          warnings.add(
              "cannot read folder "
                  + shown
                  + " ("
                  + why(io)
                  + "); the files in it are not audited");
          return null;
        }
      }
    }

    /** Reads an ignore file and pushes its rules; false if it could not be read. */
    private boolean readIgnoreFile(Path file, String base, String shown) {
      switch (reader.read(file, shown)) {
        case ConfinedReader.Bytes b -> {
          // git reads .gitignore as UTF-8 bytes; so do we (invalid bytes replaced).
          String text = new String(b.bytes(), StandardCharsets.UTF_8);
          stack.push(IgnoreRules.parse(base, text.lines().toList(), shown, warnings));
          return true;
        }
        case ConfinedReader.Skipped s -> {
          // The walk reports the file itself (as a finding) when it reaches it.
          return false;
        }
      }
    }
  }

  private static String why(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
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
