package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel check --import-ruff / --import-mypy: Ruff's and mypy's findings (fixtures in the shape of
 * ruff check --output-format json and mypy -O json) join Keel's in the output and the debt, mapped
 * to families; those Keel finds too (same line, same meaning) count once.
 */
class ImportFindingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  private Path project;
  private Path ruff;
  private Path mypy;

  @BeforeEach
  void setUp() throws Exception {
    project = Cli.project("imports", tmp);
    // Ruff writes absolute file names.
    ruff = tmp.resolve("ruff.json");
    Files.writeString(
        ruff,
        Files.readString(Path.of("src/test/resources/imports/ruff.json"))
            .replace("{ROOT}", project.toAbsolutePath().toString()));
    mypy = tmp.resolve("mypy.jsonl");
    Files.copy(Path.of("src/test/resources/imports/mypy.jsonl"), mypy);
  }

  private JsonNode check(String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("check", "--no-cache", "--today", "2026-11-22", "--format", "json"));
    args.addAll(List.of(extra));
    args.add(project.toString());
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    assertEquals(1, o.code(), o.err());
    return JSON.readTree(o.out());
  }

  private static List<String> codesAt(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : report.get("findings")) {
      out.add(f.get("code").asText() + "@" + f.path("line").asInt());
    }
    return out;
  }

  @Test
  void importedFindingsJoinKeelsOnceEach() throws Exception {
    JsonNode alone = check();
    JsonNode both = check("--import-ruff", ruff.toString(), "--import-mypy", mypy.toString());
    List<String> before = codesAt(alone);
    List<String> after = codesAt(both);
    // Keel's own findings stay as they were.
    assertTrue(after.containsAll(before), after.toString());
    assertTrue(before.containsAll(List.of("NAM001@1", "NAM001@2", "TYP001@5", "REL001@12")));
    List<String> added = new ArrayList<>(after);
    before.forEach(added::remove);
    // F401 x2 (NAM001), ANN001 (TYP001), E722 (REL001) and mypy's no-untyped-def (TYP001) on the
    // same lines are Keel's findings again; the note and the file outside the project are left out.
    assertEquals(List.of("REL/ruff/SIM115@6", "TYP/mypy/no-untyped-call@11"), added);
    JsonNode sim = null;
    JsonNode call = null;
    for (JsonNode f : both.get("findings")) {
      if (f.get("code").asText().equals("REL/ruff/SIM115")) {
        sim = f;
      } else if (f.get("code").asText().startsWith("TYP/mypy/")) {
        call = f;
      }
    }
    assertEquals("app/core.py", sim.get("path").asText());
    assertEquals(12, sim.get("column").asInt());
    assertEquals(16, sim.get("end_column").asInt());
    assertEquals("Use a context manager for opening files", sim.get("message").asText());
    assertEquals(16, call.get("column").asInt(), "mypy's columns count from 0");
    // One number: the debt is Keel's plus the imported findings' efforts.
    assertEquals(
        alone.at("/summary/debt_minutes").asInt()
            + sim.get("effort_minutes").asInt()
            + call.get("effort_minutes").asInt(),
        both.at("/summary/debt_minutes").asInt());
    assertEquals(alone.at("/summary/findings").asInt() + 2, both.at("/summary/findings").asInt());
  }

  @Test
  void theDebtReportCountsThemInTheirFamilies() throws Exception {
    JsonNode alone = report();
    JsonNode both = report("--import-ruff", ruff.toString(), "--import-mypy", mypy.toString());
    assertEquals(
        family(alone, "REL", "findings") + 1, family(both, "REL", "findings"), both.toString());
    assertEquals(
        family(alone, "TYP", "findings") + 1, family(both, "TYP", "findings"), both.toString());
    assertTrue(family(both, "REL", "minutes") > family(alone, "REL", "minutes"));
  }

  @Test
  void sarifNamesARuleForEveryImportedCode() throws Exception {
    Cli.Outcome o =
        Cli.run(
            "check",
            "--no-cache",
            "--format",
            "sarif",
            "--import-ruff",
            ruff.toString(),
            project.toString());
    JsonNode doc = JSON.readTree(o.out());
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      var errors =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in).validate(doc);
      assertTrue(errors.isEmpty(), errors.toString());
    }
    JsonNode run = doc.get("runs").get(0);
    JsonNode rules = run.at("/tool/driver/rules");
    boolean found = false;
    for (JsonNode r : run.get("results")) {
      JsonNode rule = rules.get(r.get("ruleIndex").asInt());
      assertEquals(r.get("ruleId").asText(), rule.get("id").asText());
      if (r.get("ruleId").asText().equals("REL/ruff/SIM115")) {
        found = true;
        assertTrue(rule.at("/help/markdown").asText().contains("ruff"), rule.toString());
      }
    }
    assertTrue(found);
  }

  @Test
  void aFileThatIsNotTheToolsOutputIsOneLineAndExit2() throws Exception {
    Path notJson = Files.writeString(tmp.resolve("ruff.txt"), "app/core.py:1:8: F401 unused\n");
    BadInputTest.assertUsageError(
        Cli.run("check", "--import-ruff", notJson.toString(), project.toString()),
        "--import-ruff " + notJson + ": not JSON");
    Path object = Files.writeString(tmp.resolve("obj.json"), "{\"findings\": []}");
    BadInputTest.assertUsageError(
        Cli.run("check", "--import-ruff", object.toString(), project.toString()),
        "not a JSON array");
    Path lines =
        Files.writeString(tmp.resolve("mypy.txt"), "{\"file\": \"a.py\", \"line\": 1}\nnope\n");
    BadInputTest.assertUsageError(
        Cli.run("check", "--import-mypy", lines.toString(), project.toString()),
        "--import-mypy " + lines + ": line 2 is not JSON");
    Path missing = tmp.resolve("absent.json");
    BadInputTest.assertUsageError(
        Cli.run("report", "--import-mypy", missing.toString(), project.toString()),
        "--import-mypy " + missing + ": no such file");
  }

  private JsonNode report(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("report", "--no-cache", "--format", "json"));
    args.addAll(List.of(extra));
    args.add(project.toString());
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    assertFalse(o.code() == 2, o.err());
    return JSON.readTree(o.out());
  }

  private static int family(JsonNode report, String prefix, String field) {
    for (JsonNode f : report.findValue("by_family")) {
      if (f.get("family").asText().equals(prefix)) {
        return f.get(field).asInt();
      }
    }
    return 0;
  }
}
