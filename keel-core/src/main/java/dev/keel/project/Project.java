package dev.keel.project;

import dev.keel.ConfinedReader;
import dev.keel.config.KeelConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What discovery found: the project root, its configuration and every file that is not ignored,
 * sorted by path.
 *
 * @param scope the paths the user asked about, relative to the root ({@code ""} for all)
 * @param notRead files that are listed in {@code files} but that Keel does not read (a link out of
 *     the project, a FIFO, a file too large…), sorted by path
 * @param warnings what discovery could not do (an unreadable folder, an invalid ignore pattern),
 *     one line each, for stderr
 * @param layout the source roots the modules are named from and the projects the repository holds
 */
public record Project(
    Path root,
    KeelConfig config,
    List<ProjectFile> files,
    List<String> scope,
    List<NotRead> notRead,
    List<String> warnings,
    ProjectLayout layout) {
  public Project {
    files = List.copyOf(files);
    scope = List.copyOf(scope);
    notRead = List.copyOf(notRead);
    warnings = List.copyOf(warnings);
  }

  public Project(Path root, KeelConfig config, List<ProjectFile> files, List<String> scope) {
    this(root, config, files, scope, List.of(), List.of());
  }

  /** A project whose layout is the conventional one (configured roots, else {@code src/}). */
  public Project(
      Path root,
      KeelConfig config,
      List<ProjectFile> files,
      List<String> scope,
      List<NotRead> notRead,
      List<String> warnings) {
    this(
        root,
        config,
        files,
        scope,
        notRead,
        warnings,
        ProjectLayout.conventional(root, config.source()));
  }

  /** The same project with {@code notRead} as the files Keel does not read. */
  public Project withNotRead(List<NotRead> notRead) {
    return new Project(root, config, files, scope, notRead, warnings, layout);
  }

  /** How files of this project are read: confined to its root, within its size limit. */
  public ConfinedReader reader() {
    return new ConfinedReader(root, config.maxFileSize());
  }

  /** Whether Keel skipped the file at {@code path} (it is in {@link #notRead}). */
  public boolean isNotRead(String path) {
    for (NotRead n : notRead) {
      if (n.path().equals(path)) {
        return true;
      }
    }
    return false;
  }

  public Optional<ProjectFile> file(String path) {
    // Files are sorted by path (discovery sorts them): a binary search keeps this cheap for
    // project rules that look up every module.
    int lo = 0;
    int hi = files.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = files.get(mid).path().compareTo(path);
      if (c == 0) {
        return Optional.of(files.get(mid));
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    // Not sorted after all (a caller built the project by hand): fall back to a scan.
    for (ProjectFile f : files) {
      if (f.path().equals(path)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Whether a finding at {@code path} is inside what the user asked to check. */
  public boolean inScope(String path) {
    for (String s : scope) {
      if (s.isEmpty() || path.equals(s) || path.startsWith(s.endsWith("/") ? s : s + "/")) {
        return true;
      }
    }
    return false;
  }

  /** The Python files Keel reads (those it skipped are in {@link #notRead}). */
  public List<ProjectFile> pythonFiles() {
    if (notRead.isEmpty()) {
      return files.stream().filter(ProjectFile::isPython).toList();
    }
    java.util.Set<String> skipped = new java.util.HashSet<>();
    notRead.forEach(n -> skipped.add(n.path()));
    return files.stream().filter(f -> f.isPython() && !skipped.contains(f.path())).toList();
  }
}
