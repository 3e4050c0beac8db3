package dev.keel.notebook;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A notebook as nbformat 4 stores it: its format version, kernel language and cells in document
 * order.
 *
 * @param language the kernel's language ({@code metadata.kernelspec.language} or {@code
 *     metadata.language_info.name}), {@code "python"} when the notebook does not say
 * @param problems what was wrong with parts of the notebook that were read anyway (a cell whose
 *     source is a number), one sentence each
 */
public record Notebook(
    int nbformat, int nbformatMinor, String language, List<Cell> cells, List<String> problems) {
  public Notebook {
    cells = List.copyOf(cells);
    problems = List.copyOf(problems);
  }

  /** Whether the kernel runs Python (a notebook of R or Julia has no Python to audit). */
  public boolean isPython() {
    return language.isEmpty() || language.toLowerCase(java.util.Locale.ROOT).startsWith("python");
  }

  /** The code cells, in document order. */
  public List<Cell> codeCells() {
    return cells.stream().filter(Cell::isCode).toList();
  }

  /**
   * One cell.
   *
   * @param index 1-based position among all the notebook's cells, as Jupyter shows them
   * @param type {@code code}, {@code markdown} or {@code raw}
   * @param id the cell's id (nbformat 4.5 and later)
   * @param lines the source, one entry per line, without line breaks
   * @param fileLines for each source line, the line of the {@code .ipynb} file that holds it
   * @param executionCount the prompt number the saved notebook shows ({@code In [3]}), if it ran
   * @param fileLine the line of the {@code .ipynb} file where the cell starts
   */
  public record Cell(
      int index,
      String type,
      Optional<String> id,
      List<String> lines,
      List<Integer> fileLines,
      Optional<Integer> executionCount,
      List<Output> outputs,
      int fileLine) {
    public Cell {
      lines = List.copyOf(lines);
      fileLines = List.copyOf(fileLines);
      outputs = List.copyOf(outputs);
    }

    public boolean isCode() {
      return type.equals("code");
    }

    /** Whether the cell holds nothing but blank lines. */
    public boolean isBlank() {
      return lines.stream().allMatch(String::isBlank);
    }
  }

  /**
   * One saved output of a code cell.
   *
   * @param type {@code stream}, {@code execute_result}, {@code display_data} or {@code error}
   * @param texts the textual data by MIME type, decoded from the JSON strings ({@code text/plain},
   *     {@code text/html}, …; for a stream, its name ({@code stdout}, {@code stderr}) to its text;
   *     for an error, {@code "traceback"} to the traceback and {@code "evalue"} to the message)
   * @param binaryBytes the size in characters of each non-text datum ({@code image/png} as base64),
   *     never read as text
   * @param errorName the exception's class for an error output
   * @param fileLine the line of the {@code .ipynb} file where the output starts
   * @param size characters of data the output stores, text and binary
   */
  public record Output(
      String type,
      Map<String, String> texts,
      Map<String, Integer> binaryBytes,
      Optional<String> errorName,
      int fileLine,
      long size) {
    public Output {
      texts = Map.copyOf(texts);
      binaryBytes = Map.copyOf(binaryBytes);
    }
  }
}
