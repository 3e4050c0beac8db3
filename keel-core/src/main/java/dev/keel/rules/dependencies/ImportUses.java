package dev.keel.rules.dependencies;

import dev.keel.project.FileKind;
import dev.keel.rule.ProjectContext;
import dev.keel.semantic.ImportKind;
import dev.keel.semantic.ImportRecord;
import dev.keel.semantic.ModuleGraph;
import dev.keel.semantic.ModuleSummary;
import java.util.ArrayList;
import java.util.List;

/** The third-party imports of every module, from the module summaries. */
final class ImportUses {
  /** Build and task scripts: their imports are build or development tools, not dependencies. */
  static final java.util.Set<String> BUILD_SCRIPTS =
      java.util.Set.of("setup.py", "noxfile.py", "fabfile.py", "dodo.py");

  private ImportUses() {}

  /** The import statement's line, from its first to its last non-blank character. */
  static dev.keel.finding.Span span(ProjectContext project, ImportUse use) {
    String line = project.sourceLine(use.path(), use.line()).orElse("");
    int indent = line.length() - line.stripLeading().length();
    return new dev.keel.finding.Span(
        use.line(),
        indent + 1,
        use.line(),
        Math.max(indent + 2, line.stripTrailing().length() + 1));
  }

  static List<ImportUse> of(ProjectContext project) {
    ModuleGraph graph = project.moduleGraph();
    List<ImportUse> out = new ArrayList<>();
    for (ModuleSummary s : project.modules()) {
      String name = s.path().substring(s.path().lastIndexOf('/') + 1);
      if (BUILD_SCRIPTS.contains(name)) {
        continue;
      }
      boolean isTest =
          project.project().file(s.path()).map(f -> f.kind() == FileKind.TEST).orElse(false);
      for (ImportRecord r : s.imports()) {
        String m = r.module();
        if (m.isEmpty() || m.startsWith(".") || m.equals("__future__")) {
          continue;
        }
        if (graph.origin(m) != ModuleGraph.Origin.THIRD_PARTY) {
          continue;
        }
        String top = m.contains(".") ? m.substring(0, m.indexOf('.')) : m;
        out.add(
            new ImportUse(
                s.path(),
                isTest,
                top,
                r.line(),
                r.kind() == ImportKind.TYPE_CHECKING,
                r.kind() == ImportKind.CONDITIONAL
                    || s.facts().optionalImportLines().contains(r.line())));
      }
    }
    return out;
  }
}
