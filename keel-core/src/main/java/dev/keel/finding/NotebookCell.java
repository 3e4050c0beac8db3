package dev.keel.finding;

import java.util.Optional;

/**
 * Where in a notebook a finding sits: the finding's {@link Span} counts lines of the notebook's
 * code cells joined in document order (what suppressions and fingerprints read); this says which
 * cell that is and where in it.
 *
 * @param index the cell's 1-based position among all cells of the notebook, as Jupyter shows it
 * @param id the cell's id, for nbformat 4.5 and later
 * @param line the 1-based line within the cell
 * @param column the 1-based column within that line
 * @param notebookLine the line of the {@code .ipynb} file that holds that line of the cell
 */
public record NotebookCell(int index, Optional<String> id, int line, int column, int notebookLine) {
  /** {@code cell 3:2:5}: how the text report names the place. */
  public String where() {
    return "cell " + index + ":" + line + ":" + column;
  }
}
