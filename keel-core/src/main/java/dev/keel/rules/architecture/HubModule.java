package dev.keel.rules.architecture;

import dev.keel.finding.Severity;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.ImportKind;
import dev.keel.semantic.ModuleGraph;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

@RuleSpec(
    code = "ARC008",
    summary = "a module is imported by half the project and itself imports half the project",
    severity = Severity.WARNING,
    effortMinutes = 120)
final class HubModule implements ProjectRule {
  /** Below this many modules, everything is close to everything and hubs mean little. */
  static final int MIN_MODULES = 8;

  @Override
  public void check(ProjectContext project, FindingSink out) {
    ModuleGraph graph = project.moduleGraph();
    Set<String> modules = new HashSet<>(graph.modules());
    modules.removeIf(m -> graph.summary(m).map(s -> s.isPackageInit()).orElse(false));
    if (modules.size() < MIN_MODULES) {
      return;
    }
    Map<String, Set<String>> importers = new HashMap<>();
    Map<String, Set<String>> imports = new HashMap<>();
    for (ModuleGraph.Edge e : graph.edges()) {
      if (e.kind() == ImportKind.TYPE_CHECKING
          || !modules.contains(e.from())
          || !modules.contains(e.to())) {
        continue;
      }
      importers.computeIfAbsent(e.to(), k -> new HashSet<>()).add(e.from());
      imports.computeIfAbsent(e.from(), k -> new HashSet<>()).add(e.to());
    }
    int half = (modules.size() - 1 + 1) / 2;
    for (String m : new java.util.TreeSet<>(modules)) {
      int in = importers.getOrDefault(m, Set.of()).size();
      int outDegree = imports.getOrDefault(m, Set.of()).size();
      if (in >= half && outDegree >= half) {
        out.report(
            graph.summary(m).orElseThrow().path(),
            m
                + " is a hub: "
                + in
                + " of "
                + modules.size()
                + " modules import it and it imports "
                + outDegree
                + ": every change to it, or to what it imports, ripples through the whole"
                + " project; split it by the features that use it");
      }
    }
  }
}
