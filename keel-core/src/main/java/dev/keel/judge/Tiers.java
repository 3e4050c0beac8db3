package dev.keel.judge;

import dev.keel.config.Tier;
import dev.keel.project.TierPaths;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tier of each path, from {@code [tool.keel.tiers]} ({@link TierPaths}), and what a tier still
 * reports.
 */
final class Tiers {
  /**
   * The families a {@link Tier#PROTOTYPE} file still reports: whether it parses (and was read) and
   * whether it is a security hole. Notebooks and scripts need no more process than that: for a
   * notebook, that it can be read ({@code NBK006}) and leaks no secret in its outputs ({@code
   * NBK001}).
   */
  static final Set<String> PROTOTYPE_FAMILIES = Set.of("SEC", "SYN", "NBK001", "NBK006");

  private final TierPaths paths;

  private Tiers(TierPaths paths) {
    this.paths = paths;
  }

  /** The tiers configured as {@code [tool.keel.tiers]}: each tier's path patterns. */
  static Tiers of(Map<Tier, List<String>> configured) {
    return new Tiers(TierPaths.of(configured));
  }

  /** The tier of a path relative to the project root ({@link TierPaths#of}). */
  Tier of(String path) {
    return paths.of(path);
  }

  /**
   * Whether a file of {@code tier} reports findings of {@code code}: a prototype only those of
   * {@link #PROTOTYPE_FAMILIES}, the other tiers every code.
   */
  static boolean reports(Tier tier, String code) {
    return tier != Tier.PROTOTYPE || PROTOTYPE_FAMILIES.stream().anyMatch(code::startsWith);
  }
}
