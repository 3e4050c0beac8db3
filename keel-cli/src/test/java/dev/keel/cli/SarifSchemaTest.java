package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel check --format sarif validates against the official SARIF 2.1.0 JSON schema. */
class SarifSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  @TempDir Path tmp;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in =
        SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  private JsonNode sarifOf(String project, String... extra) throws Exception {
    Path p = Cli.project(project, tmp);
    String[] args = new String[extra.length + 6];
    args[0] = "check";
    args[1] = "--today";
    args[2] = "2026-11-22";
    args[3] = "--format";
    args[4] = "sarif";
    System.arraycopy(extra, 0, args, 5, extra.length);
    args[args.length - 1] = p.toString();
    return JSON.readTree(Cli.run(args).out());
  }

  @Test
  void findingsOnFilesLinesAndTheRepositoryAreValidSarif() throws Exception {
    JsonNode sarif = sarifOf("legacy");
    Set<ValidationMessage> errors = schema.validate(sarif);
    assertTrue(errors.isEmpty(), errors.toString());
    JsonNode results = sarif.get("runs").get(0).get("results");
    assertTrue(results.size() >= 11, results.toString());
    boolean withRegion = false;
    for (JsonNode r : results) {
      JsonNode loc = r.get("locations").get(0).get("physicalLocation");
      assertEquals("%SRCROOT%", loc.get("artifactLocation").get("uriBaseId").asText());
      withRegion |= loc.has("region");
      assertTrue(r.get("partialFingerprints").has("keel/v1"), r.toString());
    }
    assertTrue(withRegion, "the .env finding has a line and column");
  }

  @Test
  void aCleanRunIsValidSarifWithNoResults() throws Exception {
    JsonNode sarif = sarifOf("tidy");
    Set<ValidationMessage> errors = schema.validate(sarif);
    assertTrue(errors.isEmpty(), errors.toString());
    assertEquals(0, sarif.get("runs").get(0).get("results").size());
    assertTrue(sarif.get("runs").get(0).get("tool").get("driver").get("rules").size() > 10);
  }

  @Test
  void anInvalidDocumentIsCaught() throws Exception {
    JsonNode sarif = sarifOf("legacy");
    ((com.fasterxml.jackson.databind.node.ObjectNode) sarif).put("version", "2.0.0");
    assertTrue(!schema.validate(sarif).isEmpty(), "the schema check must be able to fail");
  }
}
