package dev.keel.rules.architecture;

import dev.keel.config.LayerContract;
import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.ImportKind;
import dev.keel.semantic.ImportRecord;
import dev.keel.semantic.ModuleGraph;
import dev.keel.semantic.ModuleSummary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

@RuleSpec(
    code = "ARC007",
    summary = "an import breaks a layers, forbidden or independence contract",
    severity = Severity.ERROR,
    effortMinutes = 45)
final class BrokenContract implements ProjectRule {
  /** Conventional layer names, highest first, used when no contract is configured. */
  static final List<Set<String>> CONVENTIONAL =
      List.of(
          Set.of("api", "web", "routes", "views", "cli", "ui", "handlers", "controllers"),
          Set.of("services", "application", "app_services", "use_cases", "usecases"),
          Set.of("domain", "models", "entities"));

  static final Set<String> INFRASTRUCTURE =
      Set.of("infra", "infrastructure", "adapters", "db", "repositories", "persistence");

  @Override
  public void check(ProjectContext project, FindingSink out) {
    List<LayerContract> contracts = new ArrayList<>(project.config().layers());
    contracts.addAll(ImportLinterConfig.read(project));
    if (contracts.isEmpty()) {
      contracts.addAll(inferred(project.moduleGraph()));
    }
    Checker checker = new Checker(project);
    for (LayerContract c : contracts) {
      switch (c.type()) {
        case FORBIDDEN -> checker.forbidden(c, out);
        case INDEPENDENCE -> checker.independence(c, out);
        case LAYERS -> checker.layers(c, out);
      }
    }
  }

  /** Contracts for packages whose children carry conventional layer names. */
  static List<LayerContract> inferred(ModuleGraph graph) {
    Map<String, List<String>> children = new HashMap<>();
    for (String m : graph.modules()) {
      int dot = m.lastIndexOf('.');
      String parent = dot < 0 ? "" : m.substring(0, dot);
      children.computeIfAbsent(parent, k -> new ArrayList<>()).add(m.substring(dot + 1));
    }
    List<LayerContract> out = new ArrayList<>();
    for (var e : new java.util.TreeMap<>(children).entrySet()) {
      String prefix = e.getKey().isEmpty() ? "" : e.getKey() + ".";
      List<String> layers = new ArrayList<>();
      for (Set<String> level : CONVENTIONAL) {
        List<String> here = e.getValue().stream().filter(level::contains).sorted().toList();
        if (!here.isEmpty()) {
          layers.add(String.join(" | ", here.stream().map(n -> prefix + n).toList()));
        }
      }
      if (layers.size() >= 2) {
        out.add(
            new LayerContract(
                "conventional layers of " + (e.getKey().isEmpty() ? "the project" : e.getKey()),
                layers,
                List.of()));
      }
      List<String> domain =
          e.getValue().stream().filter(CONVENTIONAL.get(2)::contains).map(n -> prefix + n).toList();
      List<String> infra =
          e.getValue().stream().filter(INFRASTRUCTURE::contains).map(n -> prefix + n).toList();
      if (!domain.isEmpty() && !infra.isEmpty()) {
        out.add(
            new LayerContract(
                "the domain of "
                    + (e.getKey().isEmpty() ? "the project" : e.getKey())
                    + " does not depend on infrastructure",
                LayerContract.Type.FORBIDDEN,
                List.of(),
                List.of(),
                domain,
                infra,
                List.of()));
      }
    }
    return out;
  }

  /** Reachability over the project's import graph (imports that are not only for typing). */
  private static final class Checker {
    private final ProjectContext project;
    private final ModuleGraph graph;
    private final Set<String> reported = new HashSet<>();
    private List<String> sorted;

    Checker(ProjectContext project) {
      this.project = project;
      this.graph = project.moduleGraph();
    }

    void layers(LayerContract c, FindingSink out) {
      List<String> containers = c.containers().isEmpty() ? List.of("") : c.containers();
      for (String container : containers) {
        String prefix = container.isEmpty() ? "" : container + ".";
        List<List<String>> levels = new ArrayList<>();
        for (String layer : c.layers()) {
          List<String> peers = new ArrayList<>();
          for (String p : layer.split("[|:]")) {
            String name = p.strip().replaceAll("^\\((.*)\\)$", "$1").strip();
            if (!name.isEmpty()) {
              peers.add(prefix + name);
            }
          }
          levels.add(peers);
        }
        for (int low = levels.size() - 1; low > 0; low--) {
          List<String> above = new ArrayList<>();
          for (int high = 0; high < low; high++) {
            above.addAll(levels.get(high));
          }
          for (int high = 0; high < low; high++) {
            for (String lower : levels.get(low)) {
              for (String higher : levels.get(high)) {
                forbid(
                    lower,
                    higher,
                    above,
                    c,
                    "the layer "
                        + lower
                        + " may not import the higher layer "
                        + higher
                        + " (contract '"
                        + c.name()
                        + "')",
                    out);
              }
            }
          }
        }
      }
    }

    void forbidden(LayerContract c, FindingSink out) {
      for (String source : c.sourceModules()) {
        for (String target : c.forbiddenModules()) {
          forbid(
              source.strip(),
              target.strip(),
              c.forbiddenModules(),
              c,
              source.strip()
                  + " may not import "
                  + target.strip()
                  + " (contract '"
                  + c.name()
                  + "')",
              out);
        }
      }
    }

    void independence(LayerContract c, FindingSink out) {
      for (String a : c.modules()) {
        for (String b : c.modules()) {
          if (!a.equals(b)) {
            forbid(
                a.strip(),
                b.strip(),
                c.modules(),
                c,
                a.strip()
                    + " and "
                    + b.strip()
                    + " must stay independent (contract '"
                    + c.name()
                    + "')",
                out);
          }
        }
      }
    }

    /** The project's modules in name order, sorted once for every pair of layers. */
    private List<String> sortedModules() {
      if (sorted == null) {
        sorted = List.copyOf(new TreeSet<>(graph.modules()));
      }
      return sorted;
    }

    /** Reports each module of {@code from} whose imports reach {@code to}, with the chain. */
    private void forbid(
        String from, String to, List<String> stops, LayerContract c, String why, FindingSink out) {
      for (String m : sortedModules()) {
        if (!within(m, from)) {
          continue;
        }
        Optional<List<String>> chain = chain(m, from, to, stops);
        if (chain.isEmpty()) {
          continue;
        }
        List<String> path = chain.get();
        String first = path.get(1);
        ModuleSummary s = graph.summary(m).orElseThrow();
        int line = lineOf(s, m, first, to);
        if (!reported.add(c.name() + "|" + m + "|" + to + "|" + line)) {
          continue;
        }
        String via =
            path.size() > 2 ? " through " + String.join(" → ", path) : " (" + path.get(1) + ")";
        String message = m + " imports " + to + via + ": " + why;
        if (line > 0) {
          int length = project.lineLength(s.path(), line);
          out.report(s.path(), Span.wholeLine(line, Math.max(1, length)), message);
        } else {
          out.report(s.path(), message);
        }
      }
    }

    /**
     * The shortest chain of imports from {@code start} to a module within {@code to} (a project
     * module, or an outside one imported by a project module), not passing through other modules of
     * the importing layer; empty when there is none. {@code to} is always one of {@code stops}, so
     * one search from {@code start} answers for every target at once: it is made once per start,
     * layer and stops, not once per target (which grew with layers times modules).
     */
    private Optional<List<String>> chain(
        String start, String fromLayer, String to, List<String> stops) {
      List<String> targets = stops.stream().map(String::strip).toList();
      Map<String, List<String>> found =
          chains.computeIfAbsent(
              new Search(start, fromLayer, targets), k -> search(start, fromLayer, targets));
      List<String> path = found.get(to);
      if (path != null || targets.contains(to)) {
        return Optional.ofNullable(path);
      }
      return search(start, fromLayer, List.of(to)).values().stream().findFirst();
    }

    private record Search(String start, String fromLayer, List<String> targets) {}

    private final Map<Search, Map<String, List<String>>> chains = new HashMap<>();

    /**
     * Breadth first from {@code start}: for each target, the chain to the first module met within
     * it. Modules within any target are never gone through (a chain through another forbidden
     * module is that module's own finding), so the order of the search, and with it each chain, is
     * what a search for that target alone finds.
     */
    private Map<String, List<String>> search(String start, String fromLayer, List<String> targets) {
      Map<String, List<String>> found = new HashMap<>();
      Map<String, String> parent = new HashMap<>();
      ArrayDeque<String> queue = new ArrayDeque<>();
      queue.add(start);
      parent.put(start, start);
      while (!queue.isEmpty() && found.size() < targets.size()) {
        String m = queue.poll();
        Set<String> next = new LinkedHashSet<>();
        for (ModuleGraph.Edge e : graph.edgesFrom(m)) {
          if (e.kind() != ImportKind.TYPE_CHECKING) {
            next.add(e.to());
          }
        }
        ModuleSummary s = graph.summary(m).orElse(null);
        if (s != null) {
          for (ImportRecord r : s.imports()) {
            if (r.kind() != ImportKind.TYPE_CHECKING
                && targets.stream().anyMatch(t -> within(r.module(), t))
                && graph.origin(r.module()) != ModuleGraph.Origin.PROJECT) {
              next.add(r.module());
            }
          }
        }
        for (String n : next) {
          if (parent.containsKey(n)) {
            continue;
          }
          parent.put(n, m);
          boolean stop = false;
          for (String t : targets) {
            if (within(n, t)) {
              stop = true;
              if (!found.containsKey(t)) {
                List<String> path = new ArrayList<>();
                for (String x = n; ; x = parent.get(x)) {
                  path.add(0, x);
                  if (x.equals(start)) {
                    break;
                  }
                }
                found.put(t, List.copyOf(path));
              }
            }
          }
          if (!stop && !within(n, fromLayer) && graph.summary(n).isPresent()) {
            queue.add(n);
          }
        }
      }
      return found;
    }

    private static int lineOf(ModuleSummary s, String module, String next, String to) {
      int best = 0;
      for (ImportRecord r : s.imports()) {
        if (r.kind() == ImportKind.TYPE_CHECKING) {
          continue;
        }
        boolean hits =
            within(r.module(), next)
                || within(next, r.module())
                    && r.names().stream().anyMatch(n -> within(r.module() + "." + n, next))
                || within(r.module(), to);
        if (hits && (best == 0 || r.line() < best)) {
          best = r.line();
        }
      }
      if (best == 0) {
        for (ImportRecord r : s.imports()) {
          if (r.kind() != ImportKind.TYPE_CHECKING && within(next, r.module())) {
            best = best == 0 ? r.line() : Math.min(best, r.line());
          }
        }
      }
      return best;
    }
  }

  static boolean within(String module, String pkg) {
    return module.equals(pkg) || module.startsWith(pkg + ".");
  }
}
