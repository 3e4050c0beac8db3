package dev.keel.audit;

import dev.keel.config.KeelConfig;
import dev.keel.finding.Finding;
import dev.keel.finding.NotebookCell;
import dev.keel.finding.Span;
import dev.keel.notebook.CodeView;
import dev.keel.notebook.Notebook;
import dev.keel.notebook.NotebookReader;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.rule.FileRules;
import dev.keel.rule.NotebookRule;
import dev.keel.rule.NotebookVisit;
import dev.keel.rule.RuleDescriptor;
import dev.keel.semantic.ModuleContext;
import dev.keel.semantic.ModuleSummary;
import dev.keel.semantic.PythonVersion;
import dev.keel.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The per-file step for a notebook: read it ({@link NotebookReader}), join its code cells into one
 * module with IPython's syntax masked ({@link CodeView}), run the file rules on that module and
 * place each finding on its cell, then run the notebook rules. A notebook that cannot be read is
 * one {@link #UNREADABLE} finding, never an error of the run.
 */
final class NotebookStep {
  /** The code of the finding for a notebook that cannot be read, or parts of one. */
  static final String UNREADABLE = "NBK006";

  /**
   * File rules that judge what a notebook is not: a module of a package ({@code ARC003} logic in
   * {@code __init__.py}, {@code ARC004} dumping-ground module), a library imported by others
   * ({@code CFG002} effects at import time, {@code CFG003} printing), or a public API ({@code
   * TYP001}-{@code TYP003} annotations). A notebook runs top to bottom and shows what it prints;
   * those rules would fire on every one.
   */
  static final Set<String> NOT_IN_NOTEBOOKS =
      Set.of("ARC003", "ARC004", "CFG002", "CFG003", "TYP001", "TYP002", "TYP003");

  /** The code of a name read in a cell above the one that defines it. */
  static final String USED_BEFORE_ITS_CELL = "NBK003";

  private static int at(Span s) {
    return s.line() * 4096 + Math.min(s.column(), 4095);
  }

  record Outcome(long lines, List<Finding> findings, Optional<ModuleSummary> summary) {}

  private final FileRules fileRules;
  private final List<RuleDescriptor> notebookRules;
  private final Optional<RuleDescriptor> unreadable;
  private final KeelConfig config;
  private final PythonVersion target;
  private final boolean semantics;

  NotebookStep(
      List<RuleDescriptor> rules, KeelConfig config, PythonVersion target, boolean semantics) {
    this.fileRules =
        new FileRules(rules.stream().filter(d -> !NOT_IN_NOTEBOOKS.contains(d.code())).toList());
    this.notebookRules = rules.stream().filter(d -> d.rule() instanceof NotebookRule).toList();
    this.unreadable = rules.stream().filter(d -> d.code().equals(UNREADABLE)).findFirst();
    this.config = config;
    this.target = target;
    this.semantics = semantics;
  }

  /** Whether any selected rule looks at notebooks at all. */
  boolean isEmpty() {
    return fileRules.isEmpty() && notebookRules.isEmpty() && unreadable.isEmpty();
  }

  Outcome analyse(ProjectFile file, byte[] bytes) {
    List<Finding> out = new ArrayList<>();
    Notebook notebook;
    switch (NotebookReader.read(bytes)) {
      case NotebookReader.Unreadable u -> {
        unreadable(file, u.reason() + (u.line() > 0 ? " (line " + u.line() + ")" : ""), out);
        return new Outcome(0, out, Optional.empty());
      }
      case NotebookReader.Read r -> notebook = r.notebook();
    }
    notebook.problems().forEach(p -> unreadable(file, p, out));
    CodeView view = CodeView.of(notebook);
    Optional<ParseResult> parse = Optional.empty();
    Optional<SemanticModel> model = Optional.empty();
    Optional<ModuleSummary> summary = Optional.empty();
    if (notebook.isPython() && view.lineCount() > 0) {
      ParseResult p = PythonParser.parse(view.python());
      ModuleContext where = new ModuleContext("", false, target, true);
      SemanticModel m = semantics || !notebookRules.isEmpty() ? SemanticModel.of(p, where) : null;
      parse = Optional.of(p);
      model = Optional.ofNullable(m);
      if (!fileRules.isEmpty()) {
        for (Finding f : fileRules.check(file, p, config, m)) {
          out.add(place(f, view));
        }
      }
      if (m != null && semantics) {
        summary = Optional.of(ModuleSummary.of(file.path(), where, p, m, false));
      }
    }
    List<Finding> own =
        new NotebookVisit(file.path(), notebook, view, parse, model, config).run(notebookRules);
    // A name read above the cell that defines it is NBK003's, said the notebook's way, not also an
    // undefined name.
    Set<Integer> laterDefined = new java.util.HashSet<>();
    for (Finding f : own) {
      if (f.code().equals(USED_BEFORE_ITS_CELL) && f.span().isPresent()) {
        laterDefined.add(at(f.span().get()));
      }
    }
    out.removeIf(
        f ->
            f.code().equals("NAM002")
                && f.span().isPresent()
                && laterDefined.contains(at(f.span().get())));
    out.addAll(own);
    return new Outcome(view.lineCount(), out, summary);
  }

  private void unreadable(ProjectFile file, String why, List<Finding> out) {
    unreadable.ifPresent(
        d ->
            out.add(
                new Finding(
                    d.code(),
                    d.severity(),
                    "notebook " + file.path() + ": " + why,
                    file.path(),
                    Optional.empty(),
                    d.effortMinutes())));
  }

  /** A finding of the joined module placed on its cell, with the columns the cell has. */
  static Finding place(Finding f, CodeView view) {
    if (f.span().isEmpty() || view.lineCount() == 0) {
      return f;
    }
    Span s = f.span().get();
    int line = Math.min(s.line(), view.lineCount());
    int endLine = Math.max(line, Math.min(s.endLine(), view.lineCount()));
    int column = Math.max(1, s.column() + view.columnShift(line));
    int endColumn = Math.max(1, s.endColumn() + view.columnShift(endLine));
    if (endLine == line && endColumn <= column) {
      endColumn = column + 1;
    }
    Notebook.Cell cell = view.cellAt(line);
    NotebookCell where =
        new NotebookCell(
            cell.index(), cell.id(), view.lineInCell(line), column, view.fileLine(line));
    return f.inCell(new Span(line, column, endLine, endColumn), where);
  }
}
