package dev.keel.coverage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the paths a coverage data file names onto the project's files. coverage.py writes paths
 * relative to where it ran (JSON, Cobertura with its {@code <source>} folders) or absolute ones of
 * the machine that ran the tests (SQLite), often a CI runner's: so a path that is not the project's
 * as written is matched by its trailing folders, when exactly one project file has them.
 */
final class DataPaths {
  private final String root;
  private final Set<String> projectFiles;
  private final Map<String, List<String>> byName = new HashMap<>();

  DataPaths(Path root, Set<String> projectFiles) {
    this.root = slashes(root.toAbsolutePath().normalize().toString());
    this.projectFiles = projectFiles;
    for (String p : projectFiles) {
      byName.computeIfAbsent(name(p), k -> new ArrayList<>()).add(p);
    }
  }

  /** The project file that {@code dataPath} names, if any. */
  Optional<String> map(String dataPath) {
    String p = slashes(dataPath);
    if (p.startsWith(root + "/")) {
      p = p.substring(root.length() + 1);
    }
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    if (projectFiles.contains(p)) {
      return Optional.of(p);
    }
    List<String> sameName = byName.getOrDefault(name(p), List.of());
    String found = null;
    for (String candidate : sameName) {
      if (p.endsWith("/" + candidate) || candidate.endsWith("/" + p)) {
        if (found != null) {
          return Optional.empty(); // two project files fit: guessing would mislead
        }
        found = candidate;
      }
    }
    return Optional.ofNullable(found);
  }

  static String slashes(String path) {
    return path.replace('\\', '/');
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
