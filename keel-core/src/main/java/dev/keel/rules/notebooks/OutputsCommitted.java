package dev.keel.rules.notebooks;

import dev.keel.finding.Severity;
import dev.keel.notebook.Notebook;
import dev.keel.rule.NotebookRule;
import dev.keel.rule.NotebookVisit;
import dev.keel.rule.RuleSpec;
import java.util.List;
import java.util.Map;

@RuleSpec(
    code = "NBK004",
    summary =
        "a saved output should not be committed: a traceback, a large output or a large embedded"
            + " image",
    severity = Severity.INFO,
    effortMinutes = 5)
final class OutputsCommitted implements NotebookRule {
  /** Characters of text one output may hold (about 2,000 lines of 50 characters). */
  static final long LARGE_TEXT = 100_000;

  /** Base64 characters of one image (about 750 KB of PNG). */
  static final long LARGE_IMAGE = 1_000_000;

  @Override
  public void check(NotebookVisit notebook) {
    List<Notebook.Cell> cells = notebook.notebook().codeCells();
    for (int i = 0; i < cells.size(); i++) {
      Notebook.Cell cell = cells.get(i);
      for (Notebook.Output o : cell.outputs()) {
        if (o.type().equals("error") && ranOnAfter(cell, cells.subList(i + 1, cells.size()))) {
          // The notebook went on running after the error: an error shown on purpose (a
          // tutorial's), not a notebook committed in a failed state.
          continue;
        }
        String why = why(o);
        if (why != null) {
          notebook.reportOutput(
              cell,
              o,
              "cell "
                  + cell.index()
                  + " saves "
                  + why
                  + ": clear outputs before committing (nbstripout as a git filter or pre-commit"
                  + " hook)");
          break;
        }
      }
    }
  }

  /** Whether a cell below ran after {@code cell} did. */
  private static boolean ranOnAfter(Notebook.Cell cell, List<Notebook.Cell> below) {
    int count = cell.executionCount().orElse(Integer.MAX_VALUE);
    return below.stream().anyMatch(c -> c.executionCount().orElse(-1) > count);
  }

  private static String why(Notebook.Output o) {
    if (o.type().equals("error")) {
      String value = o.texts().getOrDefault("evalue", "");
      String first = value.lines().findFirst().orElse("").strip();
      if (first.length() > 60) {
        first = first.substring(0, 60) + "\u2026";
      }
      return "a traceback ("
          + o.errorName().orElse("error")
          + (first.isEmpty() ? "" : ": " + first)
          + ")";
    }
    for (Map.Entry<String, Integer> e : o.binaryBytes().entrySet()) {
      if (e.getKey().startsWith("image/") && e.getValue() > LARGE_IMAGE) {
        return "a " + kb(e.getValue() * 3L / 4) + " image (" + e.getKey() + ")";
      }
    }
    long text = o.size() - o.binaryBytes().values().stream().mapToLong(Integer::longValue).sum();
    if (text > LARGE_TEXT) {
      return kb(text) + " of output text";
    }
    return null;
  }

  private static String kb(long n) {
    return n >= 1_000_000 ? String.format("%.1f MB", n / 1e6) : (n / 1000) + " KB";
  }
}
