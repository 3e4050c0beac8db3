package dev.keel.audit;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.finding.Finding;
import dev.keel.judge.Judge;
import dev.keel.judge.JudgedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs that once aborted the whole audit with a StackOverflowError (no finding for any file):
 * each deep file now gets a finding of its own, a syntax error (CPython's limits) or an abandoned
 * analysis, and every other file is judged as usual.
 */
class DeepTreesTest {
  @TempDir Path tmp;

  @Test
  void noDeepTreeAbortsTheAudit() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("p"));
    Files.createDirectories(root.resolve(".git"));
    Map<String, String> deep = new TreeMap<>();
    deep.put("plus.py", "x = 1" + "+1".repeat(1_000_000) + "\n");
    deep.put("attr.py", "a" + ".b".repeat(500_000) + "\n");
    deep.put("call.py", "f" + "()".repeat(300_000) + "\n");
    deep.put("sub.py", "a" + "[0]".repeat(300_000) + "\n");
    deep.put("elif.py", "if a:\n    x = 1\n" + "elif a:\n    x = 1\n".repeat(100_000));
    for (var e : deep.entrySet()) {
      Files.writeString(root.resolve(e.getKey()), e.getValue());
    }
    Files.writeString(root.resolve("ok.py"), "import os\n");
    AuditRequest request =
        AuditRequest.builder(List.of(root))
            .withoutBaseline()
            .threads(2)
            .today(LocalDate.of(2026, 12, 2))
            .fileTimeout(Duration.ofSeconds(5))
            .build();
    List<Finding> found =
        assertTimeoutPreemptively(
                Duration.ofSeconds(120), () -> new Audit().run(request).findings())
            .stream()
            .map(JudgedFinding::finding)
            .toList();
    assertTrue(
        found.stream().anyMatch(f -> f.path().equals("ok.py") && f.code().equals("NAM001")),
        "the other file is judged");
    for (String file : deep.keySet()) {
      assertTrue(
          found.stream()
              .anyMatch(
                  f ->
                      f.path().equals(file)
                          && (f.code().equals("SYN001")
                              || f.code().equals(Judge.ABANDONED)
                              || f.code().startsWith("NAM"))),
          file + " has a finding of its own: " + found);
    }
  }
}
