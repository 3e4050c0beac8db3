package dev.keel.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.judge.JudgedFinding;
import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import dev.keel.python.PythonParser;
import dev.keel.report.Format;
import dev.keel.report.Reporters;
import dev.keel.rule.ProjectContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every step reads a file's text as the parser does: a PEP 263 coding cookie or a byte order mark
 * decides how the source lines shown, the suppression comments and the fingerprints are read, not
 * only the syntax tree. (They were read as UTF-8 while the parser honoured the cookie.)
 */
class SourceEncodingTest {
  private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;
  private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
  private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

  @TempDir Path tmp;

  private Path project(String name, String file, byte[] bytes) throws IOException {
    Path root = Files.createDirectories(tmp.resolve(name));
    Files.createDirectories(root.resolve(".git"));
    Files.write(root.resolve(file), bytes);
    return root;
  }

  private static AuditResult audit(Path root) {
    AuditRequest request =
        AuditRequest.builder(List.of(root))
            .select(List.of("NAM001"))
            .withoutBaseline()
            .threads(1)
            .today(LocalDate.of(2026, 12, 2))
            .build();
    return new Audit().run(request);
  }

  private static String text(AuditResult result) {
    StringWriter out = new StringWriter();
    Reporters.of(Format.TEXT, false, false).write(result.report(), new PrintWriter(out));
    return out.toString();
  }

  @Test
  void aLatin1LineIsShownAsThePythonReadsIt() throws IOException {
    String source = "# -*- coding: latin-1 -*-\nimport os  # café\n";
    String shown = text(audit(project("p", "x.py", source.getBytes(LATIN_1))));
    assertTrue(shown.contains("x.py:2:8: NAM001"), shown);
    assertTrue(shown.contains("import os  # café\n"), shown);
    assertTrue(!shown.contains("\uFFFD"), shown);
  }

  @Test
  void aLatin1FileHasTheFingerprintsOfTheSameTextInUtf8() throws IOException {
    // Lines 3 to 5, the context a fingerprint hashes, are the same text in both files.
    String body = "\n\nLABEL = 'café'\nimport os\nOTHER = 'é'\n";
    JudgedFinding latin1 =
        only(audit(project("a", "x.py", ("# coding: latin-1" + body).getBytes(LATIN_1))));
    JudgedFinding utf8 =
        only(
            audit(
                project("b", "x.py", ("# coding: utf-8" + body).getBytes(StandardCharsets.UTF_8))));
    assertEquals(4, latin1.finding().span().orElseThrow().line());
    assertEquals(utf8.fingerprint(), latin1.fingerprint());
  }

  @Test
  void aSuppressionAfterAStringInShiftJisIsSeen() throws IOException {
    // 表 is 0x95 0x5C in Shift_JIS: read as UTF-8, its second byte is a backslash that escapes the
    // closing quote, and the # noqa after it seemed to sit inside the string.
    String source = "# -*- coding: shift_jis -*-\nimport os; LABEL = \"表\"  # noqa: NAM001\n";
    byte[] bytes = source.getBytes(SHIFT_JIS);
    assertEquals(0x5C, bytes[bytes.length - 19] & 0xff, "the fixture holds the byte it is about");
    assertEquals(List.of(), audit(project("p", "x.py", bytes)).findings());
    // Without the suppression the finding is there: the file parses and the rule fires.
    String bare = "# -*- coding: shift_jis -*-\nimport os; LABEL = \"表\"\n";
    assertEquals(1, audit(project("q", "x.py", bare.getBytes(SHIFT_JIS))).findings().size());
  }

  @Test
  void theFirstLineOfAFileWithAByteOrderMarkIsShownWithoutIt() throws IOException {
    byte[] bytes = concat(BOM, "import os  # é\n".getBytes(StandardCharsets.UTF_8));
    String shown = text(audit(project("p", "x.py", bytes)));
    assertTrue(shown.contains("x.py:1:8: NAM001"), shown);
    assertTrue(shown.contains(" | import os  # é\n"), shown);
    assertTrue(!shown.contains("\uFEFF"), shown);
  }

  @Test
  void projectRulesReadAModuleAsTheParserDoes() throws IOException {
    byte[] latin1 = "# coding: latin-1\nNAME = 'café'\n".getBytes(LATIN_1);
    Path root = project("p", "latin.py", latin1);
    Files.write(root.resolve("bom.py"), concat(BOM, "NAME = 1\n".getBytes(StandardCharsets.UTF_8)));
    Files.write(
        root.resolve("README.md"), concat(BOM, "# Title\n".getBytes(StandardCharsets.UTF_8)));
    Project project = ProjectDiscovery.discover(List.of(root), Optional.empty(), c -> c);
    ProjectContext context = new ProjectContext(project, LocalDate.of(2026, 12, 2));
    assertEquals(PythonParser.parse(latin1).text(), context.read("latin.py").orElseThrow());
    assertEquals("# coding: latin-1\nNAME = 'café'\n", context.read("latin.py").orElseThrow());
    assertEquals("NAME = 1\n", context.read("bom.py").orElseThrow());
    assertEquals("# Title\n", context.read("README.md").orElseThrow());
    assertNotEquals(
        new String(latin1, StandardCharsets.UTF_8), context.read("latin.py").orElseThrow());
  }

  private static JudgedFinding only(AuditResult result) {
    assertEquals(1, result.findings().size(), result.findings().toString());
    return result.findings().get(0);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
