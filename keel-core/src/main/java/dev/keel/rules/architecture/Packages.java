package dev.keel.rules.architecture;

import dev.keel.project.ProjectFile;
import java.util.Optional;

/** Package facts derived from a module's file and dotted name. */
final class Packages {
  private Packages() {}

  /** The folder holding the file, relative to the root ({@code ""} at the root). */
  static String folder(ProjectFile f) {
    int slash = f.path().lastIndexOf('/');
    return slash < 0 ? "" : f.path().substring(0, slash);
  }

  /**
   * The dotted package the module belongs to ({@code a.b} for {@code a.b.c} or {@code
   * a/b/__init__}).
   */
  static Optional<String> packageOf(ProjectFile f) {
    if (f.module().isEmpty()) {
      return Optional.empty();
    }
    String m = f.module().get();
    if (f.name().equals("__init__.py")) {
      return Optional.of(m);
    }
    int dot = m.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : Optional.of(m.substring(0, dot));
  }

  static int depth(String dotted) {
    return dotted.isEmpty() ? 0 : (int) dotted.chars().filter(c -> c == '.').count() + 1;
  }
}
