package dev.keel.rules.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.audit.Audit;
import dev.keel.audit.AuditRequest;
import dev.keel.finding.Finding;
import dev.keel.judge.JudgedFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflows written to hurt the reader: exponential aliases, deep nesting, a document past the
 * code-point limit, a FIFO and a link out of the project. Each audit ends in seconds with a finding
 * or none, and the other workflows are still checked.
 */
class HostileWorkflowTest {
  @TempDir Path tmp;

  private Path project() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("p"));
    Files.createDirectories(root.resolve(".git"));
    Files.createDirectories(root.resolve(".github/workflows"));
    Files.writeString(root.resolve("app.py"), "x = 1\n");
    // An ordinary workflow beside the hostile ones: still checked (CI003 at line 7).
    Files.writeString(
        root.resolve(".github/workflows/ok.yml"),
        "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
            + "      - uses: actions/checkout@main\n");
    return root;
  }

  private static List<Finding> audit(Path root) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () ->
            new Audit()
                    .run(
                        AuditRequest.builder(List.of(root))
                            .select(List.of("CI", "SYN002"))
                            .withoutBaseline()
                            .threads(2)
                            .today(LocalDate.of(2026, 6, 1))
                            .build())
                    .findings()
                    .stream()
                    .map(JudgedFinding::finding)
                    .toList());
  }

  private static List<String> keys(List<Finding> found) {
    return found.stream().map(f -> f.code() + " " + f.path() + ":" + f.line()).sorted().toList();
  }

  @Test
  void billionLaughsIsReadWithoutExpandingItsAliases() throws Exception {
    Path root = project();
    StringBuilder y = new StringBuilder("on: push\npermissions: {}\nx0: &a0 [lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      y.append("x").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      y.append("]\n");
    }
    y.append("jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo *a9\n");
    Files.writeString(root.resolve(".github/workflows/laughs.yml"), y);
    assertEquals(List.of("CI003 .github/workflows/ok.yml:7"), keys(audit(root)));
  }

  @Test
  void nestingPastTheLimitIsAFindingNotAStackOverflow() throws Exception {
    Path root = project();
    Files.writeString(
        root.resolve(".github/workflows/deep.yml"), "on: " + "[".repeat(200_000) + "\n");
    List<Finding> found = audit(root);
    assertEquals(
        List.of("CI003 .github/workflows/ok.yml:7", "CI006 .github/workflows/deep.yml:1"),
        keys(found));
  }

  @Test
  void aDocumentPastTheCodePointLimitIsAFinding() throws Exception {
    Path root = project();
    String line = "# " + "x".repeat(98) + "\n";
    Files.writeString(
        root.resolve(".github/workflows/huge.yml"),
        "on: push\n" + line.repeat((Yaml.MAX_CODE_POINTS / line.length()) + 10));
    List<Finding> found = audit(root);
    assertEquals(
        List.of("CI003 .github/workflows/ok.yml:7", "CI006 .github/workflows/huge.yml:1"),
        keys(found),
        found::toString);
  }

  @Test
  void aFifoAndALinkOutOfTheProjectAreNotRead() throws Exception {
    Path root = project();
    Path outside = Files.writeString(tmp.resolve("elsewhere.yml"), "on: [\n");
    Files.createSymbolicLink(root.resolve(".github/workflows/linked.yml"), outside);
    Process mk =
        new ProcessBuilder("mkfifo", root.resolve(".github/workflows/pipe.yml").toString()).start();
    assertEquals(0, mk.waitFor());
    List<Finding> found = audit(root);
    assertEquals(
        List.of(
            "CI003 .github/workflows/ok.yml:7",
            "SYN002 .github/workflows/linked.yml:0",
            "SYN002 .github/workflows/pipe.yml:0"),
        keys(found),
        found::toString);
    assertTrue(found.stream().noneMatch(f -> f.code().equals("CI006")));
  }
}
