package dev.keel.judge;

import dev.keel.config.Tier;
import dev.keel.project.IgnoreRules;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tier of each path, from {@code [tool.keel.tiers]}, and what a tier still reports. A path
 * belongs to the first tier, in the order {@link Tier#PROTOTYPE} then {@link Tier#CRITICAL}, whose
 * patterns (gitignore syntax) match it or one of its parent folders; every other path is {@link
 * Tier#STANDARD}.
 */
final class Tiers {
  /**
   * The families a {@link Tier#PROTOTYPE} file still reports: whether it parses (and was read) and
   * whether it is a security hole. Notebooks and scripts need no more process than that: for a
   * notebook, that it can be read ({@code NBK006}) and leaks no secret in its outputs ({@code
   * NBK001}).
   */
  static final Set<String> PROTOTYPE_FAMILIES = Set.of("SEC", "SYN", "NBK001", "NBK006");

  /** The tiers in the order a path is matched against them. */
  private static final List<Tier> MATCH_ORDER = List.of(Tier.PROTOTYPE, Tier.CRITICAL);

  private final Map<Tier, IgnoreRules> patterns;

  private Tiers(Map<Tier, IgnoreRules> patterns) {
    this.patterns = patterns;
  }

  /** The tiers configured as {@code [tool.keel.tiers]}: each tier's path patterns. */
  static Tiers of(Map<Tier, List<String>> configured) {
    Map<Tier, IgnoreRules> patterns = new EnumMap<>(Tier.class);
    configured.forEach((t, p) -> patterns.put(t, IgnoreRules.parse("", p)));
    return new Tiers(patterns);
  }

  /** The tier of a path relative to the project root. */
  Tier of(String path) {
    for (Tier t : MATCH_ORDER) {
      IgnoreRules r = patterns.get(t);
      if (r != null && matchesPathOrParent(r, path)) {
        return t;
      }
    }
    return Tier.STANDARD;
  }

  /**
   * Whether a file of {@code tier} reports findings of {@code code}: a prototype only those of
   * {@link #PROTOTYPE_FAMILIES}, the other tiers every code.
   */
  static boolean reports(Tier tier, String code) {
    return tier != Tier.PROTOTYPE || PROTOTYPE_FAMILIES.stream().anyMatch(code::startsWith);
  }

  private static boolean matchesPathOrParent(IgnoreRules rules, String path) {
    if (Boolean.TRUE.equals(rules.verdict(path, false))) {
      return true;
    }
    for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      if (Boolean.TRUE.equals(rules.verdict(path.substring(0, i), true))) {
        return true;
      }
    }
    return false;
  }
}
