package dev.keel.rules.notebooks;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.metrics.CallableMetrics;
import dev.keel.metrics.Callables;
import dev.keel.notebook.CodeView;
import dev.keel.notebook.NotebookReader;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleSpec(
    code = "NBK005",
    summary =
        "a notebook has become production code (other files run it, or it holds complex or copied"
            + " functions) and no test covers it",
    severity = Severity.WARNING,
    effortMinutes = 120)
final class NotebookShouldGraduate implements ProjectRule {
  /** Above this cyclomatic complexity a notebook's function is logic that deserves tests. */
  static final int COMPLEX = 10;

  /** A copied function must be at least this many lines to count as a copy, not an idiom. */
  static final int COPY_LINES = 5;

  /** What runs a notebook from another file, and the name the message gives it. */
  private static final Map<String, Pattern> RUNNERS = new LinkedHashMap<>();

  static {
    RUNNERS.put("papermill", Pattern.compile("papermill|execute_notebook\\s*\\("));
    RUNNERS.put(
        "nbconvert --execute",
        Pattern.compile("nbconvert\\b[^\\n]*--execute|--execute\\b[^\\n]*nbconvert"));
    RUNNERS.put("jupyter execute", Pattern.compile("jupyter\\s+execute"));
    RUNNERS.put("nbclient", Pattern.compile("NotebookClient|nbclient"));
    RUNNERS.put("ExecutePreprocessor", Pattern.compile("ExecutePreprocessor"));
    RUNNERS.put("runipy", Pattern.compile("runipy"));
    RUNNERS.put("ploomber", Pattern.compile("ploomber"));
  }

  private static final Pattern NOTEBOOK_NAME = Pattern.compile("[\\w./{}$-]*?([\\w.-]+\\.ipynb)");

  /** Whole-suite notebook testing: every notebook the tests collect is covered. */
  private static final Pattern SUITE_RUNS_NOTEBOOKS =
      Pattern.compile("--nbval(?:-lax)?\\b|--nbmake\\b|pytest-notebook|--nb-test-files");

  /** Files that run things: scripts, build files, CI and scheduler configurations. */
  private static boolean mayRunThings(ProjectFile f) {
    String n = f.name().toLowerCase(Locale.ROOT);
    return f.isPython()
        || n.endsWith(".sh")
        || n.endsWith(".bash")
        || n.endsWith(".yml")
        || n.endsWith(".yaml")
        || n.endsWith(".toml")
        || n.endsWith(".cfg")
        || n.endsWith(".ini")
        || n.equals("makefile")
        || n.equals("justfile")
        || n.equals("procfile")
        || n.startsWith("dockerfile")
        || n.contains("crontab")
        || n.endsWith(".cron");
  }

  @Override
  public void check(ProjectContext project, FindingSink out) {
    List<ProjectFile> notebooks =
        project.files(
            f ->
                f.kind() == FileKind.NOTEBOOK
                    && project.project().inScope(f.path())
                    && !project.project().isNotRead(f.path()));
    if (notebooks.isEmpty()) {
      return;
    }
    Map<String, List<ProjectFile>> byName = new HashMap<>();
    notebooks.forEach(n -> byName.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(n));
    Map<String, String> runBy = new TreeMap<>();
    boolean suiteTestsNotebooks = false;
    List<String> testTexts = new ArrayList<>();
    for (ProjectFile f : project.files(NotebookShouldGraduate::mayRunThings)) {
      Optional<String> text = project.read(f.path());
      if (text.isEmpty() || text.get().indexOf("ipynb") < 0 && !f.name().endsWith(".py")) {
        if (text.isPresent() && SUITE_RUNS_NOTEBOOKS.matcher(text.get()).find()) {
          suiteTestsNotebooks = true;
        }
        continue;
      }
      String t = text.get();
      if (SUITE_RUNS_NOTEBOOKS.matcher(t).find()) {
        suiteTestsNotebooks = true;
      }
      if (f.kind() == FileKind.TEST) {
        testTexts.add(t);
        continue; // a test that runs a notebook covers it, it does not make it production code
      }
      for (Map.Entry<String, Pattern> r : RUNNERS.entrySet()) {
        if (!r.getValue().matcher(t).find()) {
          continue;
        }
        Matcher m = NOTEBOOK_NAME.matcher(t);
        while (m.find()) {
          for (ProjectFile nb : resolve(m.group(), m.group(1), f, byName)) {
            runBy.putIfAbsent(nb.path(), f.path() + " (" + r.getKey() + ")");
          }
        }
      }
    }
    if (suiteTestsNotebooks) {
      return;
    }
    Map<String, Code> code = new TreeMap<>();
    for (ProjectFile nb : notebooks) {
      read(project, nb).ifPresent(c -> code.put(nb.path(), c));
    }
    // %run other.ipynb in one notebook runs the other.
    for (Map.Entry<String, Code> e : code.entrySet()) {
      for (CodeView.Escape x : e.getValue().view().escapes()) {
        if (x.kind() == CodeView.Escape.Kind.LINE_MAGIC && x.name().equals("run")) {
          Matcher m = NOTEBOOK_NAME.matcher(x.argument());
          ProjectFile self = project.project().file(e.getKey()).orElseThrow();
          while (m.find()) {
            for (ProjectFile nb : resolve(m.group(), m.group(1), self, byName)) {
              if (!nb.path().equals(e.getKey())) {
                runBy.putIfAbsent(nb.path(), e.getKey() + " (%run)");
              }
            }
          }
        }
      }
    }
    Map<String, List<String>> copies = new HashMap<>();
    code.forEach(
        (path, c) -> {
          for (CallableMetrics m : c.callables()) {
            if (m.length() >= COPY_LINES && !m.name().contains(".")) {
              copies.computeIfAbsent(m.name() + "\0" + c.body(m), k -> new ArrayList<>()).add(path);
            }
          }
        });
    for (ProjectFile nb : notebooks) {
      String path = nb.path();
      String stem = nb.name().substring(0, nb.name().length() - ".ipynb".length());
      if (testTexts.stream().anyMatch(t -> t.contains(nb.name()) || t.contains("\"" + stem))) {
        continue; // testbook, nbclient or papermill in a test: covered
      }
      if (runBy.containsKey(path)) {
        out.report(
            path,
            "notebook "
                + path
                + " is run by "
                + runBy.get(path)
                + " and no test covers it: it has become production code; move its logic into a"
                + " tested module and keep the notebook as a thin report on top");
        continue;
      }
      Code c = code.get(path);
      if (c == null) {
        continue;
      }
      Optional<CallableMetrics> complex =
          c.callables().stream()
              .filter(m -> m.complexity() > COMPLEX)
              .max(java.util.Comparator.comparingInt(CallableMetrics::complexity));
      if (complex.isPresent()) {
        CallableMetrics m = complex.get();
        out.report(
            path,
            span(c, m),
            "`"
                + m.name()
                + "` has a cyclomatic complexity of "
                + m.complexity()
                + " and lives in a notebook no test covers: move it into a module with tests and"
                + " import it here");
        continue;
      }
      for (CallableMetrics m : c.callables()) {
        List<String> where = copies.getOrDefault(m.name() + "\0" + c.body(m), List.of());
        // Another edition of the same notebook (notebooks/ch1.ipynb and notebooks_v1/ch1.ipynb, a
        // book's two editions) holds its functions by being that notebook: not a copied helper.
        List<String> others =
            where.stream()
                .filter(p -> !p.equals(path))
                .filter(p -> !p.substring(p.lastIndexOf('/') + 1).equals(nb.name()))
                .distinct()
                .toList();
        if (m.length() >= COPY_LINES && !others.isEmpty()) {
          out.report(
              path,
              span(c, m),
              "`"
                  + m.name()
                  + "` is copied in "
                  + others.get(0)
                  + (others.size() > 1 ? " and " + (others.size() - 1) + " more notebooks" : "")
                  + ": shared logic belongs in one tested module that the notebooks import");
          break;
        }
      }
    }
  }

  /** A notebook's code cells parsed, with its functions measured. */
  private record Code(CodeView view, ParseResult parse, List<CallableMetrics> callables) {
    /** The function's text, whitespace normalised: equal for a copy. */
    String body(CallableMetrics m) {
      String[] lines = view.python().split("\n", -1);
      StringBuilder b = new StringBuilder();
      for (int l = m.line(); l <= m.endLine() && l <= lines.length; l++) {
        b.append(lines[l - 1].strip().replaceAll("\\s+", " ")).append('\n');
      }
      return b.toString();
    }
  }

  private static Optional<Code> read(ProjectContext project, ProjectFile nb) {
    Optional<byte[]> bytes = project.readBytes(nb.path());
    if (bytes.isEmpty()
        || !(NotebookReader.read(bytes.get()) instanceof NotebookReader.Read r)
        || !r.notebook().isPython()) {
      return Optional.empty();
    }
    CodeView view = CodeView.of(r.notebook());
    if (view.lineCount() == 0) {
      return Optional.empty();
    }
    try {
      ParseResult parse = PythonParser.parse(view.python());
      return Optional.of(new Code(view, parse, Callables.measureAll(parse)));
    } catch (StackOverflowError deep) {
      return Optional.empty();
    }
  }

  private static Span span(Code c, CallableMetrics m) {
    int line = c.parse().lines().line(m.nameRange().start());
    int col = c.parse().lines().column(m.nameRange().start()) + 1;
    int end = c.parse().lines().column(m.nameRange().end()) + 1;
    return new Span(line, col, line, Math.max(col + 1, end));
  }

  /** The notebooks a written name may be: by its path from the root or the file, else its name. */
  private static List<ProjectFile> resolve(
      String written, String name, ProjectFile from, Map<String, List<ProjectFile>> byName) {
    List<ProjectFile> same = byName.getOrDefault(name, List.of());
    if (same.size() <= 1) {
      return same;
    }
    String dir =
        from.path().contains("/") ? from.path().substring(0, from.path().lastIndexOf('/') + 1) : "";
    String clean = written.startsWith("./") ? written.substring(2) : written;
    List<ProjectFile> exact =
        same.stream()
            .filter(
                n ->
                    n.path().equals(clean)
                        || n.path().equals(dir + clean)
                        || n.path().endsWith("/" + clean))
            .toList();
    return exact.isEmpty() ? List.of() : exact;
  }
}
