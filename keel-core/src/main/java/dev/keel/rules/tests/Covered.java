package dev.keel.rules.tests;

import dev.keel.coverage.ProjectCoverage;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.rule.ProjectContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The source modules that coverage.py's data describes as they are now (not stale), with their
 * report: what TST006 and TST007 judge. Test modules are left out: their coverage says how much of
 * the suite ran, not what it tests.
 */
final class Covered {
  private Covered() {}

  record Module(ProjectFile file, String module, ProjectCoverage.FileReport report) {}

  static List<Module> modules(ProjectContext project) {
    List<Module> out = new ArrayList<>();
    if (project.coverage().isEmpty()) {
      return out;
    }
    ProjectCoverage coverage = project.coverage().get();
    for (ProjectFile f : project.files(f -> f.kind() == FileKind.SOURCE)) {
      if (f.module().isEmpty()) {
        continue;
      }
      coverage
          .file(f.path())
          .filter(r -> r.stale().isEmpty())
          .ifPresent(r -> out.add(new Module(f, f.module().get(), r)));
    }
    return out;
  }

  /** Placeholders, not error paths: an abstract method's raise, a bare re-raise. */
  static final java.util.regex.Pattern NOT_AN_ERROR_PATH =
      java.util.regex.Pattern.compile("^\\s*raise\\s*(NotImplementedError\\b.*)?(#.*)?$");

  /**
   * Whether line {@code line} of {@code path} is a placeholder raise ({@link #NOT_AN_ERROR_PATH}).
   */
  static boolean placeholderRaise(ProjectContext project, String path, int line) {
    return project
        .sourceLine(path, line)
        .map(t -> NOT_AN_ERROR_PATH.matcher(t).matches())
        .orElse(false);
  }

  /** {@code module.name} as a reader finds it: {@code calc.core.Account.withdraw}. */
  static String qualified(String module, String name) {
    return module + "." + name;
  }

  /**
   * Whether a module and a callable in it are public: no part of either starts with one underscore,
   * and the callable is not local to a function.
   */
  static boolean isPublic(String module, String name) {
    if (name.contains("<locals>")) {
      return false;
    }
    for (String part : (module + "." + name).split("\\.")) {
      if (part.startsWith("_") && !(part.startsWith("__") && part.endsWith("__"))) {
        return false;
      }
    }
    return true;
  }

  /** Runs of lines a message names before it says how many more. */
  private static final int MAX_RUNS = 6;

  private static int count(String run) {
    String[] ends = run.split("-");
    return Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
  }

  /** "line 3", "lines 3-5", "lines 3, 7-9 and 12": the missing lines of a callable. */
  static String lines(java.util.SortedSet<Integer> lines) {
    List<String> runs = new ArrayList<>();
    Integer start = null;
    Integer prev = null;
    for (int l : lines) {
      if (start == null) {
        start = l;
      } else if (l != prev + 1) {
        runs.add(start.equals(prev) ? "" + start : start + "-" + prev);
        start = l;
      }
      prev = l;
    }
    if (start != null) {
      runs.add(start.equals(prev) ? "" + start : start + "-" + prev);
    }
    String word = lines.size() == 1 ? "line " : "lines ";
    if (runs.size() > MAX_RUNS) {
      int shown = 0;
      for (String r : runs.subList(0, MAX_RUNS)) {
        shown += r.contains("-") ? count(r) : 1;
      }
      return word
          + String.join(", ", runs.subList(0, MAX_RUNS))
          + " and "
          + (lines.size() - shown)
          + " more";
    }
    if (runs.size() <= 1) {
      return word + String.join("", runs);
    }
    return word
        + String.join(", ", runs.subList(0, runs.size() - 1))
        + " and "
        + runs.get(runs.size() - 1);
  }
}
