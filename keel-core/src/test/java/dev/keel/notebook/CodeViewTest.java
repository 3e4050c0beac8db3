package dev.keel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IPython's syntax masked into Python, line for line, and every line mapped back to its cell. */
class CodeViewTest {
  private static CodeView view(NotebookJson nb) {
    NotebookReader.Result r = NotebookReader.read(nb.bytes());
    return CodeView.of(assertInstanceOf(NotebookReader.Read.class, r).notebook());
  }

  private static List<String> python(CodeView v) {
    return List.of(v.python().split("\n", -1)).subList(0, v.lineCount());
  }

  @Test
  void automagicLinesAreMagicsUnlessTheNotebookBindsTheName() {
    // recommenders' sar_movieratings_with_azureml_designer.ipynb: `conda activate` and `pip
    // install` without the %, which IPython's automagic runs. Once a cell binds the name (pip = 3),
    // a line that starts with it is Python; cat is bound before any use.
    CodeView v =
        view(
            new NotebookJson()
                .code(1, "conda activate reco_base\npip install azure-cli\ncd ../data\nls -la\n")
                .code(
                    2,
                    """
                    cat = "siamese"
                    cat if cat else None
                    pip = 3
                    pip + 1
                    rm = lambda p: p
                    rm("x")
                    cp = 1
                    cp and cp
                    """)
                .code(3, "cat file.txt\nmkdir -p out\npip install x\n"));
    assertEquals(
        List.of(
            "pass",
            "pass",
            "pass",
            "pass",
            "cat = \"siamese\"",
            "cat if cat else None",
            "pip = 3",
            "pip + 1",
            "rm = lambda p: p",
            "rm(\"x\")",
            "cp = 1",
            "cp and cp",
            "cat file.txt",
            "pass",
            "pip install x"),
        python(v));
    assertEquals(
        List.of("conda", "pip", "cd", "ls", "mkdir"),
        v.escapes().stream().map(CodeView.Escape::name).toList());
  }

  @Test
  void magicsShellAndHelpBecomePythonThatParses() {
    CodeView v =
        view(
            new NotebookJson()
                .markdown("# Notes\n")
                .code(
                    1,
                    """
                    %matplotlib inline
                    %load_ext autoreload
                    !pip install -q requests
                    files = !ls *.csv
                    who = %who_ls
                    import numpy as np
                    np.sum?
                    ??np.mean
                    %timeit -n 10 np.sum([1, 2])
                    for f in files:
                        !echo {f}
                        %time g(f)
                    x = "what?"
                    y = (1 !=
                         2)
                    """));
    assertEquals(
        List.of(
            "pass",
            "pass",
            "pass",
            "files = []",
            "who = []",
            "import numpy as np",
            "pass",
            "pass",
            "np.sum([1, 2])",
            "for f in files:",
            "    pass",
            "    g(f)",
            "x = \"what?\"",
            "y = (1 !=",
            "     2)"),
        python(v));
    ParseResult p = PythonParser.parse(v.python());
    assertTrue(p.ok(), () -> p.errors().toString());
    // %timeit's statement keeps the columns it has in the cell.
    assertEquals("%timeit -n 10 ".length(), v.columnShift(9));
    assertEquals(
        3, v.escapes().stream().filter(e -> e.kind() == CodeView.Escape.Kind.SHELL).count());
  }

  @Test
  void aCellMagicThatIsNotPythonIsBlankAndOneThatIsKeepsItsBody() {
    CodeView v =
        view(
            new NotebookJson()
                .code(1, "%%bash\nfor f in *; do echo \"$f\"; done\n")
                .code(2, "%%sql\nSELECT * FROM t WHERE a = 'x\n")
                .code(3, "%%time\ntotal = sum(range(10))\n")
                .code(4, "%%writefile setup.py\nimport this is not python\n"));
    assertEquals(List.of("", "", "", "", "", "total = sum(range(10))", "", ""), python(v));
    assertTrue(PythonParser.parse(v.python()).ok());
  }

  @Test
  void everyLineMapsBackToItsCellAndFileLine() {
    NotebookJson nb =
        new NotebookJson().markdown("# a\n").code(1, "a = 1\nb = 2\n").code(2, "c = a + b\n");
    CodeView v = view(nb);
    assertEquals("a = 1\nb = 2\nc = a + b\n", v.text());
    assertEquals(2, v.cellAt(1).index());
    assertEquals(2, v.lineInCell(2));
    assertEquals(3, v.cellAt(3).index());
    assertEquals(1, v.lineInCell(3));
    String[] file = nb.text().split("\n");
    assertTrue(file[v.fileLine(2) - 1].contains("\"b = 2\\n\""), file[v.fileLine(2) - 1]);
    assertTrue(file[v.fileLine(3) - 1].contains("\"c = a + b\\n\""));
  }

  @Test
  void aShellLineContinuedWithABackslashAndTimeitFlagsGluedToTheirValue() {
    CodeView v =
        view(
            new NotebookJson()
                .code(
                    1,
                    """
                    !saved_model_cli show --dir {model_path} \\
                                      --tag_set serve
                    %timeit -r1 for x in range(3): pass
                    %mprun -f total total(10)
                    %prun -s cumulative -l 5 total(10)
                    """));
    assertEquals(
        List.of("pass", "", "for x in range(3): pass", "total(10)", "total(10)"), python(v));
    assertTrue(PythonParser.parse(v.python()).ok());
  }

  @Test
  void escapesInsideStringsAndBracketsAreLeftAlone() {
    CodeView v =
        view(
            new NotebookJson()
                .code(
                    1,
                    """
                    doc = \"\"\"
                    %not a magic
                    !not a shell
                    \"\"\"
                    call(a,
                         b)
                    """));
    assertEquals(
        List.of("doc = \"\"\"", "%not a magic", "!not a shell", "\"\"\"", "call(a,", "     b)"),
        python(v));
  }
}
