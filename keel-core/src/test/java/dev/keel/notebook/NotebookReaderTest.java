package dev.keel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad input is a reason a user can act on, never an exception. */
class NotebookReaderTest {
  private static String unreadable(String json) {
    return unreadable(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String unreadable(byte[] bytes) {
    return assertInstanceOf(NotebookReader.Unreadable.class, NotebookReader.read(bytes)).reason();
  }

  private static Notebook read(String json) {
    return assertInstanceOf(
            NotebookReader.Read.class, NotebookReader.read(json.getBytes(StandardCharsets.UTF_8)))
        .notebook();
  }

  @Test
  void emptyNotJsonAndNotANotebook() {
    assertTrue(unreadable("").contains("empty"));
    assertTrue(unreadable("{\"cells\": [").startsWith("not valid JSON"));
    assertTrue(unreadable("[1, 2]").contains("not an object"));
    assertTrue(unreadable("{\"nbformat\": 4}").contains("no \"cells\" list"));
    assertTrue(unreadable("{\"cells\": 3, \"nbformat\": 4}").contains("not a list"));
  }

  @Test
  void oldFormatsAreNamedWithTheConversion() {
    String v3 = "{\"nbformat\": 3, \"worksheets\": [{\"cells\": []}], \"metadata\": {}}";
    String why = unreadable(v3);
    assertTrue(why.contains("nbformat 3") && why.contains("nbconvert"), why);
  }

  @Test
  void bytesThatAreNotUtf8() {
    byte[] latin1 =
        "{\"cells\": [\"caf\u00e9\"], \"nbformat\": 4}".getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(unreadable(latin1).contains("UTF-8"), unreadable(latin1));
  }

  @Test
  void aCellWhoseSourceIsANumberIsReadAsEmptyAndSaidSo() {
    Notebook nb =
        read(
            "{\"cells\": [{\"cell_type\": \"code\", \"source\": 42, \"outputs\": []},"
                + " {\"cell_type\": \"code\", \"source\": \"x = 1\\ny = 2\", \"outputs\": []}],"
                + " \"nbformat\": 4, \"nbformat_minor\": 2, \"metadata\": {}}");
    assertEquals(1, nb.problems().size());
    assertTrue(nb.problems().get(0).contains("cell 1's source is a number"));
    assertEquals(java.util.List.of("x = 1", "y = 2"), nb.cells().get(1).lines());
  }

  @Test
  void outputsAreDecodedAndImagesOnlyMeasured() {
    Notebook nb =
        read(
            new NotebookJson()
                .code(
                    1,
                    "print(k)\n",
                    NotebookJson.stream("token: \u00e9\\u0041\n"),
                    NotebookJson.image(5000),
                    NotebookJson.error("KeyError", "'x'", "\u001b[0;31mKeyError\u001b[0m: 'x'"))
                .text());
    Notebook.Cell c = nb.cells().get(0);
    assertEquals("token: \u00e9\\u0041\n", c.outputs().get(0).texts().get("stdout"));
    assertEquals(5000, c.outputs().get(1).binaryBytes().get("image/png"));
    assertTrue(c.outputs().get(1).texts().isEmpty());
    assertEquals("KeyError: 'x'", c.outputs().get(2).texts().get("traceback"));
    assertEquals(1, c.executionCount().orElseThrow());
    assertEquals("c1", c.id().orElseThrow());
  }
}
