package dev.keel.rules.architecture;

import dev.keel.config.CycleMode;
import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.ImportKind;
import dev.keel.semantic.ModuleGraph;
import dev.keel.semantic.ModuleSummary;
import java.util.List;
import java.util.Optional;

@RuleSpec(
    code = "ARC006",
    summary = "project modules import each other in a cycle at import time",
    severity = Severity.WARNING,
    effortMinutes = 60)
final class ImportCycle implements ProjectRule {
  @Override
  public void check(ProjectContext project, FindingSink out) {
    ModuleGraph graph = project.moduleGraph();
    report(project, graph, graph.cycles(), ImportKind::atImportTime, "", out);
    if (project.config().cycles() == CycleMode.ALL) {
      // Cycles that close only through imports inside functions or under TYPE_CHECKING: they do
      // not break start-up, but they still tie the modules together.
      java.util.Set<java.util.Set<String>> atImport = new java.util.HashSet<>();
      for (List<String> c : graph.cycles()) {
        atImport.add(java.util.Set.copyOf(c));
      }
      List<List<String>> later =
          graph.cycles(k -> true).stream()
              .filter(c -> !atImport.contains(java.util.Set.copyOf(c)))
              .toList();
      report(
          project,
          graph,
          later,
          k -> true,
          " (through imports inside functions or under TYPE_CHECKING, which run later)",
          out);
    }
  }

  private static void report(
      ProjectContext project,
      ModuleGraph graph,
      List<List<String>> components,
      java.util.function.Predicate<ImportKind> kinds,
      String how,
      FindingSink out) {
    for (List<String> component : components) {
      // One finding per cycle, on the import that closes the shortest cycle through the
      // component's first module.
      String first = component.get(0);
      Optional<List<String>> cycle = graph.shortestCycleThrough(first, kinds);
      if (cycle.isEmpty()) {
        continue;
      }
      List<String> path = cycle.get();
      String from = path.get(0);
      String to = path.get(1);
      ModuleSummary s = graph.summary(from).orElseThrow();
      int line =
          graph.edgesFrom(from).stream()
              .filter(e -> e.to().equals(to) && kinds.test(e.kind()))
              .mapToInt(ModuleGraph.Edge::line)
              .findFirst()
              .orElse(0);
      String others =
          component.size() > path.size() - 1
              ? " (" + component.size() + " modules are tangled in this knot)"
              : "";
      String message =
          "import cycle "
              + String.join(" → ", path)
              + others
              + how
              + ": none of these modules can be imported, tested or changed alone, and import"
              + " order decides whether start-up works; break it by moving what both need into a"
              + " third module or importing inside the function that needs it";
      if (line > 0) {
        int length = project.lineLength(s.path(), line);
        out.report(s.path(), Span.wholeLine(line, Math.max(1, length)), message);
      } else {
        out.report(s.path(), message);
      }
    }
  }
}
