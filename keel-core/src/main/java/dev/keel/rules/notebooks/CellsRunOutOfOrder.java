package dev.keel.rules.notebooks;

import dev.keel.finding.Severity;
import dev.keel.notebook.Notebook;
import dev.keel.rule.NotebookRule;
import dev.keel.rule.NotebookVisit;
import dev.keel.rule.RuleSpec;
import java.util.List;

@RuleSpec(
    code = "NBK002",
    summary =
        "the saved notebook ran its cells out of order, or skipped some: hidden state, outputs no"
            + " top-to-bottom run gives",
    severity = Severity.WARNING,
    effortMinutes = 10)
final class CellsRunOutOfOrder implements NotebookRule {
  @Override
  public void check(NotebookVisit notebook) {
    List<Notebook.Cell> cells =
        notebook.notebook().codeCells().stream().filter(c -> !c.isBlank()).toList();
    if (cells.stream().noneMatch(c -> c.executionCount().isPresent())) {
      return; // never run, or stripped: nothing hidden
    }
    Notebook.Cell previous = null;
    int outOfOrder = 0;
    Notebook.Cell first = null;
    Notebook.Cell before = null;
    for (Notebook.Cell c : cells) {
      if (c.executionCount().isEmpty()) {
        continue;
      }
      if (previous != null && c.executionCount().get() <= previous.executionCount().get()) {
        outOfOrder++;
        if (first == null) {
          first = c;
          before = previous;
        }
      }
      previous = c;
    }
    if (first != null) {
      notebook.report(
          first,
          1,
          1,
          first.lines().get(0).length() + 1,
          "cell "
              + first.index()
              + (first.executionCount().get().equals(before.executionCount().get())
                  // Two cells with one count: the kernel restarted between them.
                  ? " ran as In ["
                      + first.executionCount().get()
                      + "], the count of cell "
                      + before.index()
                      + " above it: the kernel restarted between them"
                  : " ran as In ["
                      + first.executionCount().get()
                      + "] after cell "
                      + before.index()
                      + " ran as In ["
                      + before.executionCount().get()
                      + "]")
              + (outOfOrder > 1 ? " (" + outOfOrder + " cells ran out of order)" : "")
              + ": the saved outputs are not what running the notebook top to bottom gives;"
              + " restart the kernel and run all cells");
    }
    // A cell that never ran above one that did: what ran below it ran without it.
    for (int i = 0; i < cells.size(); i++) {
      Notebook.Cell c = cells.get(i);
      if (c.executionCount().isPresent()) {
        continue;
      }
      for (int j = i + 1; j < cells.size(); j++) {
        Notebook.Cell later = cells.get(j);
        if (later.executionCount().isPresent()) {
          notebook.report(
              c,
              1,
              1,
              c.lines().get(0).length() + 1,
              "cell "
                  + c.index()
                  + " never ran, but cell "
                  + later.index()
                  + " below it did (In ["
                  + later.executionCount().get()
                  + "]): its outputs were made without it; restart the kernel and run all"
                  + " cells");
          return;
        }
      }
      return;
    }
  }
}
