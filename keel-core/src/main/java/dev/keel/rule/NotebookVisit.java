package dev.keel.rule;

import dev.keel.config.KeelConfig;
import dev.keel.finding.Finding;
import dev.keel.finding.NotebookCell;
import dev.keel.finding.Span;
import dev.keel.notebook.CodeView;
import dev.keel.notebook.Notebook;
import dev.keel.python.ParseResult;
import dev.keel.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One notebook as the notebook rules see it, and where they report. A finding on a code cell's line
 * is placed on that line ({@link #report(Notebook.Cell, int, int, int, String)}); one about a
 * cell's outputs on the cell's first line, with the output's line of the {@code .ipynb} file; one
 * about the notebook as a whole has no line.
 */
public final class NotebookVisit {
  private final String path;
  private final Notebook notebook;
  private final CodeView code;
  private final Optional<ParseResult> parse;
  private final Optional<SemanticModel> semantic;
  private final KeelConfig config;
  private final List<Finding> findings = new ArrayList<>();
  private RuleDescriptor current;

  public NotebookVisit(
      String path,
      Notebook notebook,
      CodeView code,
      Optional<ParseResult> parse,
      Optional<SemanticModel> semantic,
      KeelConfig config) {
    this.path = path;
    this.notebook = notebook;
    this.code = code;
    this.parse = parse;
    this.semantic = semantic;
    this.config = config;
  }

  /** Runs every notebook rule of {@code rules} on this notebook and returns their findings. */
  public List<Finding> run(List<RuleDescriptor> rules) {
    for (RuleDescriptor d : rules) {
      if (d.rule() instanceof NotebookRule r) {
        current = d;
        r.check(this);
      }
    }
    return List.copyOf(findings);
  }

  public String path() {
    return path;
  }

  public Notebook notebook() {
    return notebook;
  }

  /** The code cells as one module. */
  public CodeView code() {
    return code;
  }

  /** The code cells parsed, when the kernel is Python. */
  public Optional<ParseResult> parse() {
    return parse;
  }

  /** The code cells' names, when the kernel is Python and a selected rule needs them. */
  public Optional<SemanticModel> semantic() {
    return semantic;
  }

  public KeelConfig config() {
    return config;
  }

  /**
   * A finding on line {@code line} of code cell {@code cell}, columns {@code column} to {@code
   * endColumn} (1-based, end exclusive).
   */
  public void report(Notebook.Cell cell, int line, int column, int endColumn, String message) {
    if (cell.lines().isEmpty() || !cell.isCode()) {
      reportFile("cell " + cell.index() + ": " + message);
      return;
    }
    int l = Math.max(1, Math.min(line, cell.lines().size()));
    int module = code.firstLine(cell) + l - 1;
    int col = Math.max(1, column);
    Span span = new Span(module, col, module, Math.max(col + 1, endColumn));
    int fileLine = cell.fileLines().get(l - 1);
    add(
        Optional.of(span),
        Optional.of(new NotebookCell(cell.index(), cell.id(), l, col, fileLine)),
        message);
  }

  /** A finding about a saved output of {@code cell}: placed on the cell's first line. */
  public void reportOutput(Notebook.Cell cell, Notebook.Output output, String message) {
    if (cell.lines().isEmpty()) {
      reportFile("cell " + cell.index() + ": " + message);
      return;
    }
    int module = code.firstLine(cell);
    Span span = new Span(module, 1, module, Math.max(2, cell.lines().get(0).length() + 1));
    add(
        Optional.of(span),
        Optional.of(new NotebookCell(cell.index(), cell.id(), 1, 1, output.fileLine())),
        message);
  }

  /** A finding about the notebook as a whole. */
  public void reportFile(String message) {
    add(Optional.empty(), Optional.empty(), message);
  }

  private void add(Optional<Span> span, Optional<NotebookCell> cell, String message) {
    findings.add(
        new Finding(
            current.code(),
            current.severity(),
            message,
            path,
            span,
            current.effortMinutes(),
            cell));
  }
}
