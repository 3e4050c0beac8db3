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

  /**
   * Whether the file sits in a top-level {@code examples/} folder (of the repository or of a
   * sub-project): code for the reader to run, whose requirements are the reader's.
   */
  static boolean isExample(ProjectContext project, String path) {
    String first = firstFolder(project, path);
    return first.equals("examples") || first.equals("example");
  }

  /**
   * Whether the file is development code outside what the project ships: a top-level {@code docs/},
   * {@code tools/} or {@code scripts/} folder (Sphinx extensions, release scripts). Like tests, it
   * may use development dependencies.
   */
  static boolean isDevelopmentCode(ProjectContext project, String path) {
    String first = firstFolder(project, path);
    return first.equals("docs")
        || first.equals("doc")
        || first.equals("tools")
        || first.equals("scripts");
  }

  private static String firstFolder(ProjectContext project, String path) {
    String dir = project.project().layout().projectOf(path);
    String rest = dir.isEmpty() ? path : path.substring(dir.length() + 1);
    return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : "";
  }

  /**
   * Whether the file is vendored code ({@code pip/_vendor/}, {@code vendor/}, {@code vendored/}):
   * another project's code copied in, whose imports that project declares, guarded for its own
   * platforms.
   */
  static boolean isVendored(String path) {
    for (String part : path.split("/")) {
      if (part.equals("_vendor") || part.equals("vendor") || part.equals("vendored")) {
        return true;
      }
    }
    return false;
  }

  /** The import statement's line, from its first to its last non-blank character. */
  static dev.keel.finding.Span span(ProjectContext project, ImportUse use) {
    if (use.path().endsWith(".ipynb")) {
      // The line counts the notebook's code cells joined; the audit places it on its cell.
      return new dev.keel.finding.Span(use.line(), 1, use.line(), 2);
    }
    String line = project.sourceLine(use.path(), use.line()).orElse("");
    int indent = line.length() - line.stripLeading().length();
    return new dev.keel.finding.Span(
        use.line(),
        indent + 1,
        use.line(),
        Math.max(indent + 2, line.stripTrailing().length() + 1));
  }

  /** A module a notebook writes itself: {@code %%writefile helpers.py}, {@code %%file -a x.py}. */
  private static final java.util.regex.Pattern WRITES =
      java.util.regex.Pattern.compile(
          "\"%%(?:write)?file\\s+(?:-a\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\.py\\b");

  /**
   * Whether a notebook's import names a module beside it ({@code helpers.py} or {@code helpers/} in
   * the notebook's folder, or one a notebook of that folder writes with {@code %%writefile}):
   * Jupyter starts the kernel there, so that is what it imports. What the notebooks of a folder
   * write is read once per folder ({@code written}), not once per import: notebooks run to
   * megabytes of saved outputs, and reading every sibling for every import took minutes on a book
   * of 136 notebooks.
   */
  private static boolean besideNotebook(
      ProjectContext project,
      String notebook,
      String module,
      java.util.Map<String, java.util.Set<String>> written) {
    String dir = notebook.contains("/") ? notebook.substring(0, notebook.lastIndexOf('/') + 1) : "";
    String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
    String prefix = dir + top + "/";
    if (project.exists(dir + top + ".py")
        || !project.files(f -> f.path().startsWith(prefix) && f.isPython()).isEmpty()) {
      return true;
    }
    return written.computeIfAbsent(dir, d -> writtenIn(project, d)).contains(top);
  }

  private static java.util.Set<String> writtenIn(ProjectContext project, String dir) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (dev.keel.project.ProjectFile f :
        project.files(
            f ->
                f.kind() == FileKind.NOTEBOOK
                    && f.path().startsWith(dir)
                    && f.path().indexOf('/', dir.length()) < 0)) {
      project
          .read(f.path())
          .ifPresent(
              t -> {
                java.util.regex.Matcher m = WRITES.matcher(t);
                while (m.find()) {
                  out.add(m.group(1));
                }
              });
    }
    return out;
  }

  static List<ImportUse> of(ProjectContext project) {
    ModuleGraph graph = project.moduleGraph();
    // The standard library of the oldest Python the project supports: distutils is stdlib for a
    // project that still runs on 3.11.
    dev.keel.semantic.PythonVersion oldest =
        dev.keel.rules.project.RequiresPython.oldestTarget(project);
    List<ImportUse> out = new ArrayList<>();
    java.util.Map<String, java.util.Set<String>> written = new java.util.HashMap<>();
    List<ModuleSummary> all = new ArrayList<>(project.modules());
    // Notebooks import too; like tests they are development code (DEP003 does not judge them).
    all.addAll(project.notebookModules());
    for (ModuleSummary s : all) {
      String name = s.path().substring(s.path().lastIndexOf('/') + 1);
      if (BUILD_SCRIPTS.contains(name) || isVendored(s.path())) {
        continue;
      }
      if (isExample(project, s.path())) {
        continue;
      }
      boolean notebook = s.path().endsWith(".ipynb");
      boolean isTest =
          notebook
              || project.project().file(s.path()).map(f -> f.kind() == FileKind.TEST).orElse(false)
              || isDevelopmentCode(project, s.path());
      for (ImportRecord r : s.imports()) {
        String m = r.module();
        if (m.isEmpty() || m.startsWith(".") || m.equals("__future__")) {
          continue;
        }
        if (graph.origin(m) != ModuleGraph.Origin.THIRD_PARTY) {
          continue;
        }
        if (notebook && besideNotebook(project, s.path(), m, written)) {
          continue;
        }
        String top = m.contains(".") ? m.substring(0, m.indexOf('.')) : m;
        if (dev.keel.semantic.PythonTables.get().isStdlib(top, oldest)) {
          continue;
        }
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
