package dev.keel.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Dotted module names for src layout ({@code src/pkg/mod.py} is {@code pkg.mod}), flat layout and
 * namespace packages (folders without {@code __init__.py} are packages too, PEP 420).
 */
final class ModuleNames {
  private ModuleNames() {}

  /** Configured roots, else {@code src/} (when it exists) and the project root. */
  static List<Path> sourceRoots(Path root, List<String> configured) {
    List<Path> roots = new ArrayList<>();
    for (String s : configured) {
      roots.add(root.resolve(s).normalize());
    }
    if (roots.isEmpty() && Files.isDirectory(root.resolve("src"))) {
      roots.add(root.resolve("src"));
    }
    roots.add(root);
    // Deepest first, so a file under src/ is named from src/.
    roots.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    return roots;
  }

  static Optional<String> moduleName(Path root, List<Path> sourceRoots, Path file) {
    Path base = root;
    for (Path r : sourceRoots) {
      if (file.startsWith(r)) {
        base = r;
        break;
      }
    }
    Path rel = base.relativize(file);
    List<String> parts = new ArrayList<>();
    for (Path p : rel) {
      parts.add(p.toString());
    }
    String last = parts.remove(parts.size() - 1);
    String stem = last.substring(0, last.lastIndexOf('.'));
    if (!stem.equals("__init__")) {
      parts.add(stem);
    }
    // A folder whose name is no identifier cannot be a package: the module starts after it.
    int start = 0;
    for (int i = 0; i < parts.size(); i++) {
      if (!isIdentifier(parts.get(i))) {
        start = i + 1;
      }
    }
    List<String> name = parts.subList(start, parts.size());
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join(".", name));
  }

  static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.codePointAt(0)) || s.startsWith("$")) {
      return false;
    }
    return s.codePoints().allMatch(c -> Character.isJavaIdentifierPart(c) && c != '$');
  }
}
