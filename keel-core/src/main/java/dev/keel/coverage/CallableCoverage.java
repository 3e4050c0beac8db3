package dev.keel.coverage;

import dev.keel.metrics.CallableMetrics;
import dev.keel.metrics.Callables;
import dev.keel.python.ParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Coverage of one function or method, from Keel's own callables (so it exists whatever coverage.py
 * version wrote the data): the statements of its body that ran, leaving out the bodies of functions
 * nested in it (they are callables of their own; their {@code def} line is the enclosing one's), as
 * coverage.py 7.x's function regions count them.
 *
 * @param name qualified as {@code __qualname__} ({@link CallableMetrics#name})
 * @param line the line of its {@code def}
 * @param endLine its last line
 * @param statements the statement lines of its own body
 * @param executed those that ran
 * @param unexecutedRaises lines of its {@code raise} statements that never ran
 * @param unexecutedHandlers lines of its {@code except} clauses whose body never ran
 * @param complexity its cyclomatic complexity ({@link CallableMetrics#complexity})
 */
public record CallableCoverage(
    String name,
    int line,
    int endLine,
    SortedSet<Integer> statements,
    SortedSet<Integer> executed,
    SortedSet<Integer> unexecutedRaises,
    SortedSet<Integer> unexecutedHandlers,
    int complexity) {

  public CallableCoverage {
    statements = FileCoverage.frozen(statements);
    executed = FileCoverage.frozen(executed);
    unexecutedRaises = FileCoverage.frozen(unexecutedRaises);
    unexecutedHandlers = FileCoverage.frozen(unexecutedHandlers);
  }

  /** Percentage of its statements that ran; 100 when it has none. */
  public double percent() {
    return statements.isEmpty() ? 100.0 : 100.0 * executed.size() / statements.size();
  }

  /** Statement lines that did not run. */
  public SortedSet<Integer> missing() {
    SortedSet<Integer> out = new TreeSet<>(statements);
    out.removeAll(executed);
    return out;
  }

  /**
   * The coverage of every callable of a parsed module, in source order. Statements are the data's
   * where it has them (JSON, Cobertura), else Keel's ({@link StatementLines}); a callable that
   * coverage.py 7.6+ describes as a function region ({@code functions} of its JSON) has the lines
   * of that region.
   */
  public static List<CallableCoverage> of(ParseResult parse, FileCoverage data) {
    StatementLines model = StatementLines.of(parse);
    SortedSet<Integer> statements = new TreeSet<>(data.statements().orElse(model.statements()));
    statements.removeAll(data.excluded());
    statements.removeAll(model.docstrings());
    SortedSet<Integer> executed = model.firstLines(data.executed());
    List<CallableMetrics> callables = Callables.measureAll(parse);
    List<CallableCoverage> out = new ArrayList<>();
    java.util.Map<String, Integer> sameName = new java.util.HashMap<>();
    for (CallableMetrics c : callables) {
      sameName.merge(regionName(c.name()), 1, Integer::sum);
    }
    for (CallableMetrics c : callables) {
      // Two defs of one name (a property's getter and setter) share one region: each keeps its own.
      FileCoverage.Region region =
          sameName.get(regionName(c.name())) == 1
              ? data.functions().get(regionName(c.name()))
              : null;
      SortedSet<Integer> own;
      SortedSet<Integer> ran;
      if (region != null) {
        own = new TreeSet<>(region.executed());
        own.addAll(region.missing());
        own.removeAll(data.excluded());
        own.removeAll(model.docstrings());
        ran = new TreeSet<>(region.executed());
        ran.retainAll(own);
      } else {
        own = own(c, callables, statements);
        ran = new TreeSet<>(own);
        ran.retainAll(executed);
      }
      SortedSet<Integer> raises = own(c, callables, model.raises());
      raises.removeAll(executed);
      SortedSet<Integer> handlers = new TreeSet<>();
      for (StatementLines.Handler h : model.handlers()) {
        if (owner(h.line(), callables) == c
            && !h.body().isEmpty()
            && h.body().stream().noneMatch(executed::contains)) {
          handlers.add(h.line());
        }
      }
      out.add(
          new CallableCoverage(
              c.name(), c.line(), c.endLine(), own, ran, raises, handlers, c.complexity()));
    }
    return out;
  }

  /**
   * The name coverage.py gives a function's region: its qualified name without {@code <locals>}
   * ({@code outer.inner}).
   */
  static String regionName(String qualname) {
    return qualname.replace(".<locals>.", ".");
  }

  /** Lines of {@code lines} in the body of {@code c}, not in the body of one nested in it. */
  private static SortedSet<Integer> own(
      CallableMetrics c, List<CallableMetrics> all, SortedSet<Integer> lines) {
    SortedSet<Integer> out = new TreeSet<>();
    for (int l : lines.subSet(c.line() + 1, c.endLine() + 1)) {
      if (owner(l, all) == c) {
        out.add(l);
      }
    }
    return out;
  }

  /** The innermost callable whose body holds {@code line}, or null at module or class level. */
  private static CallableMetrics owner(int line, List<CallableMetrics> all) {
    CallableMetrics best = null;
    for (CallableMetrics c : all) {
      if (line > c.line() && line <= c.endLine() && (best == null || c.line() > best.line())) {
        best = c;
      }
    }
    return best;
  }
}
