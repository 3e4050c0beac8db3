package dev.keel.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.finding.Finding;
import dev.keel.judge.Judge;
import dev.keel.judge.JudgedFinding;
import dev.keel.report.Format;
import dev.keel.report.Reporters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes of valid (or nearly valid) code that once made the semantic model quadratic: each is now
 * judged in full within the default deadline, so no file is abandoned (no SYN004) and the findings
 * that need the semantic model are there.
 */
class HostileShapesTest {
  private static final Duration GUARD = Duration.ofSeconds(90);

  @TempDir Path tmp;

  private List<Finding> audit(String source) throws IOException {
    return audited(run(source));
  }

  private static List<Finding> audited(AuditResult result) {
    return result.findings().stream().map(JudgedFinding::finding).toList();
  }

  private AuditResult run(String source) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("p"));
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve("x.py"), source);
    AuditRequest request =
        AuditRequest.builder(List.of(root))
            .select(List.of("SYN", "NAM"))
            .withoutBaseline()
            .threads(1)
            .today(LocalDate.of(2026, 12, 2))
            .build();
    AuditResult result = assertTimeoutPreemptively(GUARD, () -> new Audit().run(request));
    for (Finding f : audited(result)) {
      assertTrue(!f.code().equals(Judge.ABANDONED), f.message());
    }
    return result;
  }

  private static long count(List<Finding> found, String code) {
    return found.stream().filter(f -> f.code().equals(code)).count();
  }

  @Test
  void aTryWithTensOfThousandsOfRebindingsIsLinear() throws IOException {
    // Every rebinding asked whether it sat on another branch of the try than the one before, by
    // a scan of the whole try body: 36,333 statements, about an hour.
    String body = "        found = getattr\n".repeat(36_333);
    List<Finding> found =
        audit("def f(name):\n    try:\n" + body + "    except Exception:\n        pass\n");
    assertEquals(1, count(found, "NAM003"), "the one unused local, at its last assignment");
  }

  @Test
  void theSameWithASyntaxErrorOnEveryLine() throws IOException {
    List<Finding> found =
        audit("def f(name):\n    try:\n" + "        found = getattr:\n".repeat(36_333));
    assertTrue(count(found, "SYN001") >= 1);
  }

  @Test
  void aLongElifChainRebindingTheSameName() throws IOException {
    // Each binding climbed to the module to find where it met the one before: quadratic in the
    // depth of the chain.
    List<Finding> found = audit("if a:\n    x = 1\n" + "elif a:\n    x = 1\n".repeat(2_000));
    assertEquals(2_001, count(found, "NAM002"), "`a` is undefined in each test");
  }

  @Test
  void tensOfThousandsOfAugmentedAllAssignments() throws IOException {
    // Each `__all__ +=` copied every name listed so far: quadratic time, and 4 GB of copies.
    List<Finding> found =
        audit("def a():\n    pass\n\n\n__all__ = []\n" + "__all__ += ['a']\n".repeat(36_000));
    assertEquals(0, count(found, "NAM002"), "every listed name is defined");
  }

  @Test
  void twentyThousandFindingsOnOneLongLinePrintABoundedWindowEach() throws IOException {
    // Each finding printed the whole 290 KB line (8.6 GB of text) and fingerprinted it (rescanned
    // and hashed three times the line, per finding).
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      line.append(i == 0 ? "" : "; ").append("import m").append(i);
    }
    AuditResult result = run(line + "\n");
    assertEquals(20_000, audited(result).stream().filter(f -> f.code().equals("NAM001")).count());
    StringWriter out = new StringWriter();
    assertTimeoutPreemptively(
        GUARD,
        () -> Reporters.of(Format.TEXT, false, false).write(result.report(), new PrintWriter(out)));
    String text = out.toString();
    assertTrue(text.length() < 20_000 * 600, "text output of " + text.length() + " chars");
    String m230 = "x.py:1:2888: NAM001 `m230` imported but unused [warning]\n";
    int at = text.indexOf(m230);
    assertTrue(at >= 0, "the finding of m230");
    String[] shown = text.substring(at + m230.length()).split("\n", 3);
    assertTrue(shown[0].startsWith("  1 | \u2026 ") && shown[0].endsWith("\u2026"), shown[0]);
    assertTrue(shown[0].contains("import m230;"), shown[0]);
    int caret = shown[1].indexOf('^');
    assertEquals("m230", shown[0].substring(caret, caret + 4), "carets under the name");
    assertTrue(shown[1].endsWith("^^^^"), shown[1]);
  }
}
