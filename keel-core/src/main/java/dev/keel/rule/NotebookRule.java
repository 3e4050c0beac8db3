package dev.keel.rule;

/**
 * A check of one notebook as a notebook: its cells, their execution counts and saved outputs, with
 * its code cells as one module ({@link NotebookVisit#code()}) when it has Python in them. File
 * rules run on that module too; a notebook rule sees what a {@code .py} file does not have.
 */
public interface NotebookRule extends Rule {
  void check(NotebookVisit notebook);
}
