package dev.keel.audit;

import dev.keel.config.ConfigException;
import dev.keel.config.PathIgnores;
import dev.keel.judge.ForeignCodes;
import dev.keel.rule.RuleDescriptor;
import dev.keel.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.List;

/** Which rules run: {@code select} (families, codes or prefixes; empty or ALL for every rule) */
final class RuleSelection {
  private RuleSelection() {}

  static List<RuleDescriptor> choose(
      RuleRegistry registry,
      List<String> select,
      String selectSource,
      List<String> ignore,
      String ignoreSource) {
    validate(registry, select, selectSource);
    validate(registry, ignore, ignoreSource);
    List<RuleDescriptor> out = new ArrayList<>();
    for (RuleDescriptor d : registry.all()) {
      boolean selected =
          select.isEmpty()
              || select.stream().anyMatch(s -> s.equals("ALL") || d.code().startsWith(s));
      boolean ignored = ignore.stream().anyMatch(s -> s.equals("ALL") || d.code().startsWith(s));
      if (selected && !ignored) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * Keel's own {@code per-file-ignores} name Keel codes: another tool's code there is a mistake
   * that says which Keel code it means.
   */
  static void validatePerFileIgnores(RuleRegistry registry, PathIgnores ignores) {
    for (PathIgnores.Entry e : ignores.keelEntries()) {
      for (String c : e.codes()) {
        if (c.equals("ALL") || registry.isKnownSelector(c)) {
          continue;
        }
        List<String> meant =
            registry.all().stream()
                .map(RuleDescriptor::code)
                .filter(k -> ForeignCodes.suppresses(c, k))
                .toList();
        throw new ConfigException(
            "unknown rule code '"
                + c
                + "' in "
                + e.source()
                + (meant.isEmpty()
                    ? ""
                    : " ("
                        + c
                        + " is another tool's code; Keel's is "
                        + String.join(", ", meant)
                        + ")")
                + " (known families: "
                + String.join(", ", registry.families())
                + "; see keel rules)");
      }
    }
  }

  private static void validate(RuleRegistry registry, List<String> codes, String source) {
    for (String c : codes) {
      if (!c.equals("ALL") && !registry.isKnownSelector(c)) {
        throw new ConfigException(
            "unknown rule code '"
                + c
                + "' in "
                + source
                + " (known families: "
                + String.join(", ", registry.families())
                + "; see keel rules)");
      }
    }
  }
}
