package dev.keel.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each of coverage.py's formats, read by shape, and what Keel says about data it cannot use. */
class CoverageReaderTest {
  static final Path DATA = Path.of("src/test/resources/coverage");
  static final Set<String> CALC = Set.of("calc/__init__.py", "calc/core.py", "tests/test_core.py");

  @TempDir Path dir;

  private CoverageData read(Path file) {
    return CoverageReader.read(file, dir, CALC);
  }

  private String refused(Path file) {
    ConfigException e = assertThrows(ConfigException.class, () -> read(file));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
    return e.getMessage();
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void coverage76JsonWithFunctionAndClassRegionsIsRead() {
    CoverageData data = read(DATA.resolve("coverage-7.6.json"));
    assertEquals(CoverageData.Format.JSON, data.format());
    assertEquals("7.6.1", data.toolVersion().orElseThrow());
    assertEquals(Set.of("calc/core.py"), data.files().keySet());
    assertEquals(1, data.elsewhere(), "six.py of dist-packages is not the project's");
    FileCoverage core = data.file("calc/core.py").orElseThrow();
    assertEquals(Set.of("", "add", "divide"), core.functions().keySet());
    assertEquals(Set.of(17, 22), core.functions().get("divide").missing());
    assertEquals(Set.of(16, 20, 21), core.functions().get("divide").executed());
    assertEquals(Set.of("", "CalcError"), core.classes().keySet());
    assertEquals(Set.of(17, 22), core.missing());
  }

  @Test
  void brokenJsonIsOneLineNamingWhere() throws Exception {
    String m = refused(write("coverage.json", "{\"meta\": {}, \"files\": {\"a.py\": [1, 2}"));
    assertTrue(m.contains("is not valid JSON at line 1"), m);
  }

  @Test
  void jsonOfAnotherToolIsRefused() throws Exception {
    assertTrue(refused(write("c.json", "{\"total\": 3}")).contains("no \"files\" object"));
    assertTrue(
        refused(write("d.json", "{\"files\": {\"calc/core.py\": {\"executed_lines\": [\"x\"]}}}"))
            .contains("not a line number"));
  }

  @Test
  void aNewerJsonFormatIsRefused() throws Exception {
    String m = refused(write("coverage.json", "{\"meta\": {\"format\": 4}, \"files\": {}}"));
    assertTrue(m.contains("coverage.json format 4 is not one Keel reads"), m);
  }

  @Test
  void dataOfAnotherProjectIsRefused() throws Exception {
    String json =
        "{\"files\": {\"/srv/other/app/views.py\": {\"executed_lines\": [1], \"missing_lines\":"
            + " []}, \"app/models.py\": {\"executed_lines\": [1], \"missing_lines\": []}}}";
    String m = refused(write("coverage.json", json));
    assertTrue(m.contains("describes 2 files, none of them in this project"), m);
  }

  @Test
  void aBillionLaughsPayloadIsRefusedWithoutExpandingIt() {
    String m =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> refused(DATA.resolve("billion-laughs.xml")));
    assertTrue(m.contains("declares XML entities: refused"), m);
  }

  @Test
  void anExternalEntityIsRefusedAndNeverRead() {
    String m = refused(DATA.resolve("xxe.xml"));
    assertTrue(m.contains("refused"), m);
    assertFalse(m.contains("root:"), "nothing of /etc/passwd in the message");
  }

  @Test
  void coberturaOfAnotherWriterWithAnExternalDtdIsReadWithoutFetchingIt() {
    CoverageData data = read(DATA.resolve("java-cobertura.xml"));
    assertEquals(CoverageData.Format.COBERTURA, data.format());
    FileCoverage core = data.file("calc/core.py").orElseThrow();
    assertEquals(Set.of(3, 12), core.statements().orElseThrow());
    assertEquals(Set.of(3), core.executed());
  }

  @Test
  void brokenXmlIsOneLine() throws Exception {
    String m = refused(write("coverage.xml", "<coverage><packages></coverage>"));
    assertTrue(m.contains("is not well-formed XML"), m);
    assertTrue(
        refused(write("pom.xml", "<project><x/></project>")).contains("its root is <project>"));
  }

  @Test
  void anSqliteFileThatIsCorruptIsOneLine() throws Exception {
    Path p = dir.resolve(".coverage");
    byte[] bytes = new byte[4096];
    byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, bytes, 0, magic.length);
    for (int i = magic.length; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Files.write(p, bytes);
    assertTrue(refused(p).contains("is not a readable coverage.py data file"));
  }

  @Test
  void anSqliteDatabaseThatIsNotCoverageDataIsRefused() throws Exception {
    Path p = dir.resolve("other.db");
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + p);
        Statement s = db.createStatement()) {
      s.execute("create table users (id integer)");
    }
    assertTrue(refused(p).contains("it has no coverage_schema"));
  }

  @Test
  void anotherSchemaVersionIsRefused() throws Exception {
    Path p = coverageDb(6, List.of());
    assertTrue(refused(p).contains("is coverage.py data of schema 6; Keel reads schema 7"));
  }

  @Test
  void lineBitmapsAreDecodedAndCiPathsMapped() throws Exception {
    // numbits: bit n%8 of byte n/8 is line n; 0x06 is lines 1 and 2, 0x80 at byte 1 is line 15
    Path p =
        coverageDb(
            7,
            List.of(
                new Row("/home/runner/work/calc/calc/calc/core.py", "", new byte[] {0x06}),
                new Row("/home/runner/work/calc/calc/calc/core.py", "test_x", new byte[] {0, -128}),
                new Row("/usr/lib/python3/dist-packages/six.py", "", new byte[] {2})));
    CoverageData data = read(p);
    assertEquals(CoverageData.Format.SQLITE, data.format());
    assertEquals(1, data.elsewhere());
    FileCoverage core = data.file("calc/core.py").orElseThrow();
    assertEquals(Set.of(1, 2, 15), core.executed());
    assertEquals(Set.of("test_x"), core.contexts().get(15));
    assertTrue(core.statements().isEmpty(), "the SQLite file holds no statements");
  }

  @Test
  void notCoverageDataAtAllIsRefused() throws Exception {
    assertTrue(refused(write("coverage.json", "hello")).contains("is not coverage data"));
    assertTrue(refused(write("empty", "")).contains("is empty"));
  }

  private record Row(String path, String context, byte[] numbits) {}

  private Path coverageDb(int schema, List<Row> rows) throws Exception {
    Path p = dir.resolve(".coverage");
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + p);
        Statement s = db.createStatement()) {
      s.execute("create table coverage_schema (version integer)");
      s.execute("insert into coverage_schema values (" + schema + ")");
      s.execute("create table meta (key text, value text, unique (key))");
      s.execute("insert into meta values ('version', '6.5.0'), ('has_arcs', '0')");
      s.execute("create table file (id integer primary key, path text, unique (path))");
      s.execute("create table context (id integer primary key, context text, unique (context))");
      s.execute("create table line_bits (file_id integer, context_id integer, numbits blob)");
      s.execute("create table arc (file_id integer, context_id integer, fromno, tono)");
      for (Row r : rows) {
        try (PreparedStatement f =
                db.prepareStatement("insert or ignore into file (path) values (?)");
            PreparedStatement c =
                db.prepareStatement("insert or ignore into context (context) values (?)");
            PreparedStatement l =
                db.prepareStatement(
                    "insert into line_bits select f.id, c.id, ? from file f, context c"
                        + " where f.path = ? and c.context = ?")) {
          f.setString(1, r.path());
          f.execute();
          c.setString(1, r.context());
          c.execute();
          l.setBytes(1, r.numbits());
          l.setString(2, r.path());
          l.setString(3, r.context());
          l.execute();
        }
      }
    }
    return p;
  }
}
