package dev.keel.project;

import dev.keel.config.KeelConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What discovery found: the project root, its configuration and every file that is not ignored,
 * sorted by path.
 *
 * @param scope the paths the user asked about, relative to the root ({@code ""} for all)
 */
public record Project(Path root, KeelConfig config, List<ProjectFile> files, List<String> scope) {
  public Project {
    files = List.copyOf(files);
    scope = List.copyOf(scope);
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

  public List<ProjectFile> pythonFiles() {
    return files.stream().filter(ProjectFile::isPython).toList();
  }
}
