/**
 * Jupyter notebooks: {@link dev.keel.notebook.NotebookReader} reads an {@code .ipynb} file
 * (nbformat 4, with Jackson's streaming parser, so every source line keeps its line in the file)
 * into a {@link dev.keel.notebook.Notebook}; {@link dev.keel.notebook.CodeView} joins its code
 * cells into one Python module in document order, with IPython's syntax (magics, shell escapes,
 * help) masked the way IPython's input transformers turn it into Python, and maps every line back
 * to its cell. Beside the syntax tree: uses nothing of Keel, only the JDK and Jackson.
 */
package dev.keel.notebook;
