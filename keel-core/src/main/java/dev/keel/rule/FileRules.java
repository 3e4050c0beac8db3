package dev.keel.rule;

import dev.keel.config.KeelConfig;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.ast.Node;
import dev.keel.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file rules of one run, with a dispatch table from node class to the rules that want it, so
 * each file is walked once whatever the number of rules.
 */
public final class FileRules {
  private record Entry(RuleDescriptor descriptor, FileRule rule) {}

  private final List<Entry> all = new ArrayList<>();
  private final Map<Class<?>, List<Entry>> byKind = new HashMap<>();

  /** The file rules among {@code rules}. */
  public FileRules(List<RuleDescriptor> rules) {
    for (RuleDescriptor d : rules) {
      if (d.rule() instanceof FileRule fr) {
        Entry e = new Entry(d, fr);
        all.add(e);
        for (Class<? extends Node> k : fr.nodeKinds()) {
          byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
        }
      }
    }
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }

  /** Runs every file rule over one parsed file and returns what they found. */
  public List<Finding> check(ProjectFile file, ParseResult parse, KeelConfig config) {
    return check(file, parse, config, null);
  }

  /**
   * Runs every file rule over one parsed file whose semantic model the caller already built ({@code
   * null}: built on first use by a rule).
   */
  public List<Finding> check(
      ProjectFile file, ParseResult parse, KeelConfig config, SemanticModel semantic) {
    FileVisit visit = new FileVisit(file, parse, config, semantic);
    if (!byKind.isEmpty()) {
      walk(parse.module(), visit);
    }
    for (Entry e : all) {
      visit.use(e.descriptor());
      e.rule().finish(visit);
    }
    return visit.findings();
  }

  private void walk(Node n, FileVisit visit) {
    List<Entry> wanted = byKind.get(n.getClass());
    if (wanted != null) {
      for (Entry e : wanted) {
        visit.use(e.descriptor());
        e.rule().visit(n, visit);
      }
    }
    visit.enter(n);
    SyntaxChildren.forEach(n, c -> walk(c, visit));
    visit.leave();
  }
}
