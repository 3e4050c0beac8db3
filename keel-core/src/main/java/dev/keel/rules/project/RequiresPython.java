package dev.keel.rules.project;

import dev.keel.rule.ProjectContext;
import dev.keel.semantic.PythonVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one reading of {@code requires-python}: a PEP 440 specifier set ({@link Pep440}) asked which
 * Python releases it admits. The audit takes the oldest as the version whose builtins and standard
 * library the code may use; PRJ004 asks whether any admitted one is past its end of life.
 */
public final class RequiresPython {
  /** Every minor release since 2.6 and the next ones, oldest first. */
  private static final List<String> MINORS = new ArrayList<>(PythonReleases.END_OF_LIFE.keySet());

  static {
    String newest = MINORS.get(MINORS.size() - 1);
    int from = Integer.parseInt(newest.substring(newest.indexOf('.') + 1)) + 1;
    for (int minor = from; minor < from + 20; minor++) {
      MINORS.add("3." + minor);
    }
  }

  private RequiresPython() {}

  /**
   * The oldest Python that the project's {@code requires-python} admits: its names may use only the
   * builtins and standard library that version has. Without one, the newest Python Keel knows.
   */
  public static PythonVersion oldestTarget(ProjectContext project) {
    return project
        .pyproject()
        .flatMap(toml -> Pyproject.string(toml, "project.requires-python"))
        .flatMap(RequiresPython::lowestAdmitted)
        .orElse(PythonVersion.NEWEST_KNOWN);
  }

  /**
   * The oldest Python release that {@code specifier} admits ({@code >=3.9,<4} gives 3.9, {@code
   * <3.12} the oldest Keel has tables for), moved into the range the tables cover; empty when the
   * specifier is blank, not PEP 440 or admits no Python 2 or 3 release.
   */
  public static Optional<PythonVersion> lowestAdmitted(String specifier) {
    if (specifier == null || specifier.isBlank()) {
      return Optional.empty();
    }
    return Pep440.parseSpecifiers(specifier).flatMap(set -> lowestAdmitted(set::contains));
  }

  static Optional<PythonVersion> lowestAdmitted(Predicate<Pep440.Version> admits) {
    for (String minor : MINORS) {
      if (PythonReleases.admitsMinor(admits, minor)) {
        return PythonVersion.parse(minor).map(PythonVersion::clampToKnown);
      }
    }
    return Optional.empty();
  }
}
