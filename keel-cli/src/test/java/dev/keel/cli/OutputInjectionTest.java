package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.keel.audit.Audit;
import dev.keel.audit.AuditRequest;
import dev.keel.report.Format;
import dev.keel.report.Reporters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * What a pull request puts in file names, source lines, requirements and pyproject strings cannot
 * become terminal commands, forged lines or GitHub workflow commands, and cannot break JUnit or
 * SARIF output.
 */
class OutputInjectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TODAY = "2026-11-22";
  private static final String ESC = "\u001b";
  private static final String FORGED = "::error file=a.py,line=1::INJECTED";
  // A file name with a colour code, one with a newline, one with a right-to-left override.
  private static final String RED_NAME = "b" + ESC + "[31mred.py";
  private static final String NEWLINE_NAME = "new\nline.py";
  private static final String BIDI_NAME = "c\u202etxt.py";

  @TempDir Path tmp;
  private Path p;

  @BeforeEach
  void hostileProject() throws IOException {
    p = Files.createDirectories(tmp.resolve("hostile"));
    // A TOML "\n" escape is a real newline in the string PRJ003 quotes; CR too.
    Files.writeString(
        p.resolve("pyproject.toml"),
        "[project]\nname = \"demo\"\nversion = \"1.0\\n"
            + FORGED
            + "\\r"
            + FORGED
            + "\"\nrequires-python = \">=3.12\"\n");
    // Retitles the terminal, rings the bell, clears the screen; a C1 CSI and DEL too.
    Files.writeString(
        p.resolve("a.py"),
        "import os  # " + ESC + "]0;title\u0007 " + ESC + "[2J \u009b31m \u007f\n");
    Files.writeString(p.resolve(RED_NAME), "import sys\n\ndef f(x):\n    return x\n");
    Files.writeString(p.resolve(NEWLINE_NAME), "import json\n");
    Files.writeString(p.resolve(BIDI_NAME), "import re  # \u202e \u2066 \u2028\n");
    Files.writeString(p.resolve("requirements.txt"), "requ" + ESC + "[8mests\n");
  }

  /** Control characters a terminal acts on: C0 but tab and newline, DEL, C1, bidi, separators. */
  private static final Pattern RAW_CONTROL =
      Pattern.compile(
          "[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]");

  private static void assertNoRawControl(String out) {
    Matcher m = RAW_CONTROL.matcher(out);
    if (m.find()) {
      int at = m.start();
      throw new AssertionError(
          String.format(
              "raw U+%04X at %d in: %s",
              (int) out.charAt(at),
              at,
              out.substring(Math.max(0, at - 60), Math.min(out.length(), at + 20))));
    }
  }

  private Cli.Outcome check(String... options) {
    List<String> args = new ArrayList<>(List.of("check", "--today", TODAY));
    args.addAll(List.of(options));
    args.add(p.toString());
    return Cli.run(args.toArray(String[]::new));
  }

  private int findings() throws IOException {
    JsonNode report = JSON.readTree(check("--format", "json").out());
    return report.get("findings").size();
  }

  @Test
  void textShowsControlCharactersEscapedAndForgesNoLine() {
    Cli.Outcome o = check("--no-color");
    assertEquals(1, o.code(), o.err());
    assertNoRawControl(o.out());
    for (String line : o.out().split("\n", -1)) {
      assertFalse(line.startsWith("::"), "a forged workflow command: " + line);
    }
    String out = o.out();
    assertTrue(out.contains("import os  # \\x1b]0;title\\x07 \\x1b[2J \\x9b31m \\x7f"), out);
    assertTrue(out.contains("b\\x1b[31mred.py:1:8: NAM001"), out);
    assertTrue(out.contains("new\\nline.py:1:8: NAM001"), out);
    assertTrue(out.contains("c\\u202etxt.py:1:8: NAM001"), out);
    assertTrue(out.contains("import re  # \\u202e \\u2066 \\u2028"), out);
    assertTrue(out.contains("version \"1.0\\n" + FORGED + "\\r" + FORGED + "\" is not"), out);
    assertTrue(out.contains("requ\\x1b[8mests"), out);
  }

  @Test
  void caretsStayUnderTheFlaggedTextWhenEscapesWidenTheLine() throws IOException {
    Files.writeString(p.resolve("d.py"), "x = '" + ESC + "' ; import os\n");
    String out = check("--no-color").out();
    int at = out.indexOf("  1 | x = '\\x1b' ; import os\n");
    assertTrue(at >= 0, out);
    String carets = out.substring(at).split("\n")[1];
    // "os" sits after the four characters of "\x1b": the carets move with it.
    assertEquals("    | " + " ".repeat("x = '\\x1b' ; import ".length()) + "^^", carets);
  }

  @Test
  void colourCodesAreOnlyKeelsOwn() {
    AuditRequest request =
        AuditRequest.builder(List.of(p)).threads(1).today(LocalDate.parse(TODAY)).build();
    StringWriter buffer = new StringWriter();
    Reporters.of(Format.TEXT, true, false)
        .write(new Audit().run(request).report(), new PrintWriter(buffer, true));
    String out = buffer.toString();
    assertTrue(out.contains(ESC + "[1m"), "colour is on");
    // Keel's own codes: reset, bold, dim, red, yellow, cyan. Take them out; nothing raw is left.
    assertNoRawControl(out.replaceAll("\u001b\\[(0|1|2|31|33|36)m", ""));
    assertTrue(out.contains("b\\x1b[31mred.py"), "the file name's own colour code is escaped");
  }

  @Test
  void githubOutputIsOneCommandPerFindingAndNoneForged() throws IOException {
    Cli.Outcome o = check("--format", "github");
    assertEquals(1, o.code(), o.err());
    assertNoRawControl(o.out());
    String[] lines = o.out().split("\n");
    assertEquals(findings(), lines.length, o.out());
    // file= must hold no "::" (it would end the properties) and no unescaped ',' or newline.
    Pattern command =
        Pattern.compile(
            "::(error|warning|notice) file=[^:,\\r\\n]*"
                + "(,line=\\d+,col=\\d+,endLine=\\d+(,endColumn=\\d+)?)?"
                + ",title=Keel [A-Z]{3}\\d{3}::[A-Z]{3}\\d{3} [^\\r]*");
    for (String line : lines) {
      assertTrue(command.matcher(line).matches(), "not one of Keel's commands: " + line);
    }
    String prj003 =
        List.of(lines).stream().filter(l -> l.contains("PRJ003")).findFirst().orElseThrow();
    assertTrue(prj003.contains("1.0\\n" + FORGED), prj003);
  }

  @Test
  void junitIsWellFormedXmlForAStrictParser() throws Exception {
    Cli.Outcome o = check("--format", "junit");
    assertEquals(1, o.code(), o.err());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) throws SAXParseException {
            throw e;
          }

          @Override
          public void error(SAXParseException e) throws SAXParseException {
            throw e;
          }

          @Override
          public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
          }
        });
    Document doc = b.parse(new ByteArrayInputStream(o.out().getBytes(StandardCharsets.UTF_8)));
    assertEquals(findings(), doc.getElementsByTagName("testcase").getLength());
    assertTrue(o.out().contains("b\\x1b[31mred.py"), o.out());
  }

  @Test
  void sarifAndJsonStayValidAndKeepTheRealText() throws Exception {
    Cli.Outcome sarif = check("--format", "sarif");
    Cli.Outcome json = check("--format", "json");
    for (Cli.Outcome o : List.of(sarif, json)) {
      // JSON strings escape C0 controls; the document itself holds none but newlines.
      assertFalse(o.out().chars().anyMatch(c -> c < 0x20 && c != '\n'), o.out());
    }
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    JsonNode doc = JSON.readTree(sarif.out());
    Set<ValidationMessage> errors = schema.validate(doc);
    assertTrue(errors.isEmpty(), errors.toString());
    List<String> uris = new ArrayList<>();
    for (JsonNode r : doc.get("runs").get(0).get("results")) {
      uris.add(
          r.get("locations")
              .get(0)
              .get("physicalLocation")
              .get("artifactLocation")
              .get("uri")
              .asText());
    }
    // A URI reference has no raw control character, space or '#': they are percent-encoded.
    assertTrue(uris.contains("b%1B%5B31mred.py"), uris.toString());
    assertTrue(uris.contains("new%0Aline.py"), uris.toString());
    assertTrue(uris.contains("c%E2%80%AEtxt.py"), uris.toString());
    // Machine formats carry the data as it is; only text for people and for runners is escaped.
    Set<String> paths = new java.util.TreeSet<>();
    JSON.readTree(json.out()).get("findings").forEach(f -> paths.add(f.get("path").asText()));
    assertTrue(paths.containsAll(Set.of(RED_NAME, NEWLINE_NAME, BIDI_NAME)), paths.toString());
  }

  @Test
  void errorsOnStderrAreOneEscapedLine() throws IOException {
    Files.writeString(
        p.resolve("pyproject.toml"), "[tool.keel]\nselect = [\"X" + "\\u001b[2J\\nY\"]\n");
    Cli.Outcome o = check();
    BadInputTest.assertUsageError(o, "unknown rule code 'X\\x1b[2J\\nY' in [tool.keel]");
    assertNoRawControl(o.err());
  }

  @Test
  void metricsAndAstEscapeThePathsTheyPrint() {
    Cli.Outcome m = Cli.run("metrics", p.toString());
    assertEquals(0, m.code(), m.err());
    assertNoRawControl(m.out());
    assertTrue(m.out().contains("b\\x1b[31mred.py:3"), m.out());
    Cli.Outcome a = Cli.run("ast", p.resolve(NEWLINE_NAME).toString());
    assertEquals(0, a.code(), a.err());
    assertNoRawControl(a.out());
    assertEquals(2, a.out().split("\n").length, "'== PATH' and the dump: " + a.out());
  }
}
