package dev.keel.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.finding.Finding;
import dev.keel.judge.JudgedFinding;
import dev.keel.notebook.NotebookJson;
import dev.keel.report.Format;
import dev.keel.report.Reporters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file rules run on a notebook's code cells; each finding names its cell, in every format. */
class NotebookAuditTest {
  @TempDir Path tmp;

  private static final NotebookJson LEAKY =
      new NotebookJson()
          .markdown("# Exploration\n")
          .code(1, "%matplotlib inline\nimport os\n!pip install requests\nfiles = !ls\n")
          .code(
              2,
              "x = eval(input())\nAPI_KEY = 'sk-live-4f9a8b7c6d5e4f3a2b1c0d9e'\ndisplay(x)\nx?\n")
          .code(3, "%%bash\necho $HOME\n")
          .code(4, "%%time\ny = eval(input())  # noqa: SEC001\nprint(files, os.sep)\n");

  private Path project(String notebook, byte[] bytes) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("p"));
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"p\"\n");
    Files.createDirectories(root.resolve(notebook).getParent());
    Files.write(root.resolve(notebook), bytes);
    return root;
  }

  private static AuditResult audit(Path root, String... select) {
    return new Audit()
        .run(
            AuditRequest.builder(List.of(root))
                .select(List.of(select))
                .withoutBaseline()
                .threads(1)
                .today(LocalDate.of(2026, 12, 3))
                .build());
  }

  private static String format(AuditResult r, Format f) {
    StringWriter out = new StringWriter();
    Reporters.of(f, false, false).write(r.report(), new PrintWriter(out));
    return out.toString();
  }

  private static List<String> keys(AuditResult r) {
    return r.findings().stream()
        .map(JudgedFinding::finding)
        .map(
            f ->
                f.code()
                    + " "
                    + f.cell().map(c -> c.where()).orElse(f.span().isPresent() ? "?" : "file"))
        .toList();
  }

  @Test
  void fileRulesFindTheirProblemsInCellsAndIPythonSyntaxIsNoError() throws IOException {
    Path root = project("notebooks/x.ipynb", LEAKY.bytes());
    AuditResult r = audit(root, "SEC", "NAM", "SYN");
    // No SYN001 for the magics, no NAM002 for display, no NAM003/NAM002 for files (bound by !ls),
    // and the eval in cell 5 is suppressed by its noqa.
    assertEquals(List.of("SEC001 cell 3:1:5", "SEC006 cell 3:2:11"), keys(r));
    assertTrue(
        format(r, Format.TEXT).contains("notebooks/x.ipynb:cell 3:1:5: SEC001"),
        format(r, Format.TEXT));
    assertTrue(format(r, Format.TEXT).contains("  1 | x = eval(input())"));
  }

  @Test
  void jsonNamesTheCellAndItsIdSarifTheLineOfTheFile() throws IOException {
    Path root = project("notebooks/x.ipynb", LEAKY.bytes());
    AuditResult r = audit(root, "SEC001");
    JsonNode f = new ObjectMapper().readTree(format(r, Format.JSON)).get("findings").get(0);
    assertEquals(1, f.get("line").asInt());
    assertEquals(5, f.get("column").asInt());
    assertEquals(3, f.get("cell").asInt());
    assertEquals("c3", f.get("cell_id").asText());
    JsonNode s = new ObjectMapper().readTree(format(r, Format.SARIF)).at("/runs/0/results/0");
    int line = s.at("/locations/0/physicalLocation/region/startLine").asInt();
    String fileLine = LEAKY.text().split("\n")[line - 1];
    assertTrue(fileLine.contains("x = eval(input())"), fileLine);
    assertEquals(3, s.at("/properties/notebookCell").asInt());
    assertEquals(1, s.at("/properties/cellLine").asInt());
  }

  @Test
  void twoCellsWithOneCountSayTheKernelRestarted() throws IOException {
    // handson-ml2's tools_numpy.ipynb: cells 44 and 46 both ran as In [23].
    NotebookJson nb =
        new NotebookJson().code(22, "a = 1\n").code(23, "b = a\n").code(23, "c = b\n");
    AuditResult r = audit(project("nb/restarted.ipynb", nb.bytes()), "NBK002");
    List<Finding> fs = r.findings().stream().map(JudgedFinding::finding).toList();
    assertEquals(1, fs.size(), fs.toString());
    assertEquals(
        "cell 3 ran as In [23], the count of cell 2 above it: the kernel restarted between them:"
            + " the saved outputs are not what running the notebook top to bottom gives; restart"
            + " the kernel and run all cells",
        fs.get(0).message());
  }

  @Test
  void aBrokenNotebookIsOneFindingAndTheRunGoesOn() throws IOException {
    Path root = project("nb/broken.ipynb", "{\"cells\": [".getBytes(StandardCharsets.UTF_8));
    Files.writeString(root.resolve("nb/app.py"), "x = eval(input())\n");
    AuditResult r = audit(root, "SEC001", "NBK");
    List<Finding> fs = r.findings().stream().map(JudgedFinding::finding).toList();
    assertEquals(2, fs.size(), fs.toString());
    assertEquals("NBK006", fs.get(1).code());
    assertTrue(fs.get(1).message().startsWith("notebook nb/broken.ipynb: not valid JSON"));
    assertEquals("SEC001", fs.get(0).code());
  }

  @Test
  void aPrototypeNotebookKeepsOnlySecurityAndTheSecretsOfItsOutputs() throws IOException {
    NotebookJson nb =
        new NotebookJson()
            .code(2, "import os\nx = eval(input())\n")
            .code(1, "print(os.environ)\n", NotebookJson.stream("AKIAIOSFODNN7EXAMPLQ\n"));
    Path root = project("notebooks/x.ipynb", nb.bytes());
    Files.writeString(
        root.resolve("pyproject.toml"),
        "[project]\nname = \"p\"\n[tool.keel.tiers]\nprototype = [\"notebooks/\"]\n");
    assertEquals(
        List.of("SEC001 cell 1:2:5", "NBK001 cell 2:1:1"), keys(audit(root, "SEC", "NBK")));
    Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"p\"\n");
    assertEquals(
        List.of("SEC001 cell 1:2:5", "NBK001 cell 2:1:1", "NBK002 cell 2:1:1"),
        keys(audit(root, "SEC", "NBK")));
  }

  @Test
  void aNotebookOfAnotherLanguageIsNotReadAsPython() throws IOException {
    String r = LEAKY.text().replace("\"language\" : \"python\"", "\"language\" : \"R\"");
    Path root = project("nb/r.ipynb", r.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), keys(audit(root, "SEC", "SYN")));
  }
}
