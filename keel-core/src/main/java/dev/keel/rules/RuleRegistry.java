package dev.keel.rules;

import dev.keel.rule.Rule;
import dev.keel.rule.RuleDescriptor;
import dev.keel.rules.architecture.ArchitectureRules;
import dev.keel.rules.ci.CiRules;
import dev.keel.rules.complexity.ComplexityRules;
import dev.keel.rules.configuration.ConfigurationRules;
import dev.keel.rules.configuration.ProjectConfigurationRules;
import dev.keel.rules.dependencies.DependencyRules;
import dev.keel.rules.names.NameRules;
import dev.keel.rules.notebooks.NotebookRules;
import dev.keel.rules.project.ProjectHygieneRules;
import dev.keel.rules.reliability.ReliabilityRules;
import dev.keel.rules.security.SecurityRules;
import dev.keel.rules.syntax.SyntaxRules;
import dev.keel.rules.tests.TestRules;
import dev.keel.rules.types.TypeRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The one list of every rule Keel has. A test fails when a rule is missing from it. */
public final class RuleRegistry {
  private static final RuleRegistry DEFAULT =
      new RuleRegistry(
          Stream.of(
                  ProjectHygieneRules.all(),
                  SyntaxRules.all(),
                  ComplexityRules.all(),
                  TypeRules.all(),
                  ReliabilityRules.all(),
                  SecurityRules.all(),
                  ConfigurationRules.all(),
                  NameRules.all(),
                  ArchitectureRules.all(),
                  TestRules.all(),
                  DependencyRules.all(),
                  NotebookRules.all(),
                  ProjectConfigurationRules.all(),
                  CiRules.all())
              .flatMap(List::stream)
              .toList());

  private final Map<String, RuleDescriptor> byCode;

  RuleRegistry(List<? extends Rule> rules) {
    Map<String, RuleDescriptor> map = new LinkedHashMap<>();
    List<RuleDescriptor> sorted = new ArrayList<>();
    for (Rule r : rules) {
      sorted.add(RuleDescriptor.of(r));
    }
    sorted.sort(Comparator.comparing(RuleDescriptor::code));
    for (RuleDescriptor d : sorted) {
      if (map.putIfAbsent(d.code(), d) != null) {
        throw new IllegalStateException("rule code " + d.code() + " is declared twice");
      }
    }
    this.byCode = Collections.unmodifiableMap(map);
  }

  public static RuleRegistry standard() {
    return DEFAULT;
  }

  /** Every rule, ordered by code. */
  public List<RuleDescriptor> all() {
    return List.copyOf(byCode.values());
  }

  public Optional<RuleDescriptor> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The family prefixes, such as {@code PRJ}, in code order. */
  public List<String> families() {
    return byCode.values().stream().map(RuleDescriptor::family).distinct().toList();
  }

  /**
   * Whether {@code selector} names a rule code, a family, or a code prefix ({@code PRJ0}) that at
   * least one rule has.
   */
  public boolean isKnownSelector(String selector) {
    return byCode.keySet().stream().anyMatch(code -> code.startsWith(selector))
        && !selector.isEmpty();
  }
}
