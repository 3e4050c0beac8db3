package dev.keel.project;

import dev.keel.config.Tier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The tier of each path, from {@code [tool.keel.tiers]}: a path belongs to the first tier, in the
 * order {@link Tier#PROTOTYPE} then {@link Tier#CRITICAL}, whose patterns (gitignore syntax) match
 * it or one of its parent folders; every other path is {@link Tier#STANDARD}. What the judge drops
 * by tier, and what a rule with per-tier thresholds reads.
 */
public final class TierPaths {
  private static final List<Tier> MATCH_ORDER = List.of(Tier.PROTOTYPE, Tier.CRITICAL);

  private final Map<Tier, IgnoreRules> patterns;

  private TierPaths(Map<Tier, IgnoreRules> patterns) {
    this.patterns = patterns;
  }

  /** The tiers configured as {@code [tool.keel.tiers]}: each tier's path patterns. */
  public static TierPaths of(Map<Tier, List<String>> configured) {
    Map<Tier, IgnoreRules> patterns = new EnumMap<>(Tier.class);
    configured.forEach((t, p) -> patterns.put(t, IgnoreRules.parse("", p)));
    return new TierPaths(patterns);
  }

  /** The tier of a path relative to the project root. */
  public Tier of(String path) {
    for (Tier t : MATCH_ORDER) {
      IgnoreRules r = patterns.get(t);
      if (r != null && matchesPathOrParent(r, path)) {
        return t;
      }
    }
    return Tier.STANDARD;
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
