package dev.keel.semantic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The import graph of a project's own modules, built from module summaries. An edge goes from the
 * importing module to the most specific project module the import names ({@code from pkg import
 * sub} reaches {@code pkg.sub} when that is a module, else {@code pkg}); imports of the standard
 * library and third-party distributions are classified but are not nodes.
 */
public final class ModuleGraph {
  /** Where an imported module comes from. */
  public enum Origin {
    PROJECT,
    STANDARD_LIBRARY,
    THIRD_PARTY
  }

  /** An import between two project modules. */
  public record Edge(String from, String to, int line, ImportKind kind) {}

  private final Map<String, ModuleSummary> modules = new TreeMap<>();
  private final Map<String, List<Edge>> edges = new TreeMap<>();
  private final PythonVersion version;

  private ModuleGraph(List<ModuleSummary> summaries, PythonVersion version) {
    this.version = version;
    for (ModuleSummary s : summaries) {
      if (!s.module().isEmpty()) {
        modules.putIfAbsent(s.module(), s);
      }
    }
    for (ModuleSummary s : modules.values()) {
      Map<String, Edge> out = new LinkedHashMap<>();
      for (ImportRecord r : s.imports()) {
        for (String target : targets(r)) {
          if (!target.equals(s.module()) || r.isFrom()) {
            out.merge(
                target,
                new Edge(s.module(), target, r.line(), r.kind()),
                (a, b) -> rank(b.kind()) < rank(a.kind()) ? b : a);
          }
        }
      }
      out.remove(s.module());
      edges.put(s.module(), List.copyOf(out.values()));
    }
  }

  /** The graph over the summaries of one project, for the default Python version. */
  public static ModuleGraph of(List<ModuleSummary> summaries) {
    return new ModuleGraph(summaries, ModuleContext.DEFAULT_VERSION);
  }

  public static ModuleGraph of(List<ModuleSummary> summaries, PythonVersion version) {
    return new ModuleGraph(summaries, version);
  }

  private static int rank(ImportKind k) {
    return k.ordinal();
  }

  private List<String> targets(ImportRecord r) {
    List<String> out = new ArrayList<>();
    if (r.isFrom()) {
      for (String name : r.names()) {
        String sub = r.module() + "." + name;
        if (!name.equals("*") && modules.containsKey(sub)) {
          out.add(sub);
        } else {
          projectModule(r.module()).ifPresent(out::add);
        }
      }
    } else {
      projectModule(r.module()).ifPresent(out::add);
    }
    return out;
  }

  /** The longest prefix of {@code dotted} that is a module of the project. */
  private Optional<String> projectModule(String dotted) {
    String m = dotted;
    while (!m.isEmpty()) {
      if (modules.containsKey(m)) {
        return Optional.of(m);
      }
      int dot = m.lastIndexOf('.');
      m = dot < 0 ? "" : m.substring(0, dot);
    }
    return Optional.empty();
  }

  /** Whether {@code module} is the project's, the standard library's or a third party's. */
  public Origin origin(String module) {
    if (projectModule(module).isPresent()) {
      return Origin.PROJECT;
    }
    String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
    return PythonTables.get().isStdlib(top, version) ? Origin.STANDARD_LIBRARY : Origin.THIRD_PARTY;
  }

  /** The project's modules, by dotted name. */
  public Set<String> modules() {
    return Collections.unmodifiableSet(modules.keySet());
  }

  public Optional<ModuleSummary> summary(String module) {
    return Optional.ofNullable(modules.get(module));
  }

  /** The imports of {@code module} that reach other project modules. */
  public List<Edge> edgesFrom(String module) {
    return edges.getOrDefault(module, List.of());
  }

  /** Every edge, ordered by importing module. */
  public List<Edge> edges() {
    return edges.values().stream().flatMap(List::stream).toList();
  }

  /** Import cycles among imports that run at import time (top level or conditional). */
  public List<List<String>> cycles() {
    return cycles(ImportKind::atImportTime);
  }

  /**
   * The strongly connected components of more than one module (Tarjan), over the edges whose kind
   * passes {@code kinds}; each sorted, the list ordered by first module.
   */
  public List<List<String>> cycles(Predicate<ImportKind> kinds) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    List<List<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String start : modules.keySet()) {
      if (index.containsKey(start)) {
        continue;
      }
      // Iterative Tarjan: a frame is a module, the position in its successor list and the list,
      // worked out once per module (not once per step: a module importing 30,000 others).
      Deque<Object[]> frames = new ArrayDeque<>();
      frames.push(new Object[] {start, 0, successors(start, kinds)});
      index.put(start, counter[0]);
      low.put(start, counter[0]++);
      stack.push(start);
      onStack.add(start);
      while (!frames.isEmpty()) {
        Object[] frame = frames.peek();
        String v = (String) frame[0];
        @SuppressWarnings("unchecked")
        List<String> next = (List<String>) frame[2];
        int i = (Integer) frame[1];
        if (i < next.size()) {
          frame[1] = i + 1;
          String w = next.get(i);
          if (!index.containsKey(w)) {
            index.put(w, counter[0]);
            low.put(w, counter[0]++);
            stack.push(w);
            onStack.add(w);
            frames.push(new Object[] {w, 0, successors(w, kinds)});
          } else if (onStack.contains(w)) {
            low.put(v, Math.min(low.get(v), index.get(w)));
          }
        } else {
          frames.pop();
          if (!frames.isEmpty()) {
            String parent = (String) frames.peek()[0];
            low.put(parent, Math.min(low.get(parent), low.get(v)));
          }
          if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
              w = stack.pop();
              onStack.remove(w);
              component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
              Collections.sort(component);
              out.add(List.copyOf(component));
            }
          }
        }
      }
    }
    out.sort(Comparator.comparing(c -> c.get(0)));
    return out;
  }

  private List<String> successors(String module, Predicate<ImportKind> kinds) {
    List<String> out = new ArrayList<>();
    for (Edge e : edgesFrom(module)) {
      if (kinds.test(e.kind()) && modules.containsKey(e.to())) {
        out.add(e.to());
      }
    }
    return out;
  }

  /**
   * The shortest import cycle through {@code module} over import-time imports, as the modules in
   * import order starting and ending with {@code module}; empty when it is on no cycle.
   */
  public Optional<List<String>> shortestCycleThrough(String module) {
    return shortestCycleThrough(module, ImportKind::atImportTime);
  }

  public Optional<List<String>> shortestCycleThrough(String module, Predicate<ImportKind> kinds) {
    if (!modules.containsKey(module)) {
      return Optional.empty();
    }
    Map<String, String> cameFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(module);
    while (!queue.isEmpty()) {
      String v = queue.poll();
      for (String w : successors(v, kinds)) {
        if (w.equals(module)) {
          List<String> path = new ArrayList<>();
          path.add(module);
          for (String x = v; !x.equals(module); x = cameFrom.get(x)) {
            path.add(1, x);
          }
          path.add(module);
          return Optional.of(List.copyOf(path));
        }
        if (!cameFrom.containsKey(w)) {
          cameFrom.put(w, v);
          queue.add(w);
        }
      }
    }
    return Optional.empty();
  }
}
