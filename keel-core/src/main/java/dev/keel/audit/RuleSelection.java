package dev.keel.audit;

import dev.keel.config.ConfigException;
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
