package dev.keel.rules.notebooks;

import dev.keel.finding.Severity;
import dev.keel.notebook.CodeView;
import dev.keel.notebook.Notebook;
import dev.keel.python.source.LineIndex;
import dev.keel.rule.NotebookRule;
import dev.keel.rule.NotebookVisit;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.Binding;
import dev.keel.semantic.NameIssue;
import dev.keel.semantic.SemanticModel;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

@RuleSpec(
    code = "NBK003",
    summary =
        "a cell reads a name that only a cell below it defines: it works only when cells ran out"
            + " of order",
    severity = Severity.ERROR,
    effortMinutes = 10)
final class NameUsedBeforeItsCell implements NotebookRule {
  @Override
  public void check(NotebookVisit notebook) {
    if (notebook.semantic().isEmpty() || notebook.parse().isEmpty()) {
      return;
    }
    SemanticModel model = notebook.semantic().get();
    LineIndex lines = notebook.parse().get().lines();
    CodeView code = notebook.code();
    Set<String> seen = new HashSet<>();
    for (NameIssue issue : model.issues(NameIssue.Kind.UNDEFINED_NAME)) {
      Optional<Binding> later = model.moduleScope().binding(issue.name());
      if (later.isEmpty() || !seen.add(issue.name())) {
        continue;
      }
      int useLine = lines.line(issue.range().start());
      int defLine = lines.line(later.get().range().start());
      Notebook.Cell use = code.cellAt(useLine);
      Notebook.Cell def = code.cellAt(defLine);
      if (defLine <= useLine || def.index() == use.index()) {
        continue;
      }
      int column = lines.column(issue.range().start()) + 1;
      notebook.report(
          use,
          code.lineInCell(useLine),
          column,
          column + issue.name().length(),
          "`"
              + issue.name()
              + "` is read in cell "
              + use.index()
              + " but first defined in cell "
              + def.index()
              + " below it: the notebook works only when cells ran out of order; move the"
              + " definition up");
    }
  }
}
