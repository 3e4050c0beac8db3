package dev.keel.coverage;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What coverage.py recorded for one source file.
 *
 * @param path the file, relative to the project root with {@code /} separators
 * @param executed lines that ran (1-based)
 * @param statements the lines coverage.py counts as statements, when the format carries them (JSON,
 *     Cobertura); empty for the SQLite data file, which holds only what ran
 * @param excluded lines excluded by coverage.py's {@code exclude_lines} ({@code # pragma: no
 *     cover})
 * @param contexts for a line, the contexts (test names, with {@code --show-contexts} or dynamic
 *     contexts) that ran it; empty when none were recorded
 * @param functions coverage.py 7.x's function regions (JSON only), by qualified name: the lines of
 *     the region that ran and that did not
 * @param classes coverage.py 7.x's class regions (JSON only)
 */
public record FileCoverage(
    String path,
    SortedSet<Integer> executed,
    Optional<SortedSet<Integer>> statements,
    SortedSet<Integer> excluded,
    Map<Integer, SortedSet<String>> contexts,
    Map<String, Region> functions,
    Map<String, Region> classes) {

  public FileCoverage {
    executed = frozen(executed);
    statements = statements.map(FileCoverage::frozen);
    excluded = frozen(excluded);
    contexts = java.util.Collections.unmodifiableMap(new TreeMap<>(contexts));
    functions = java.util.Collections.unmodifiableMap(new TreeMap<>(functions));
    classes = java.util.Collections.unmodifiableMap(new TreeMap<>(classes));
  }

  /** Lines that are statements and did not run; empty when the format has no statements. */
  public SortedSet<Integer> missing() {
    TreeSet<Integer> out = new TreeSet<>(statements.orElse(new TreeSet<>()));
    out.removeAll(executed);
    return java.util.Collections.unmodifiableSortedSet(out);
  }

  /** A region of coverage.py 7.x's JSON (a function or a class). */
  public record Region(SortedSet<Integer> executed, SortedSet<Integer> missing) {
    public Region {
      executed = frozen(executed);
      missing = frozen(missing);
    }
  }

  static SortedSet<Integer> frozen(SortedSet<Integer> lines) {
    return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(lines));
  }
}
