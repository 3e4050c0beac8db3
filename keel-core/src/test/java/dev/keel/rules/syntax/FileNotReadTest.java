package dev.keel.rules.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.audit.Audit;
import dev.keel.audit.AuditRequest;
import dev.keel.audit.AuditResult;
import dev.keel.judge.JudgedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SYN002 and SYN003 over {@code projects/syn/linked/not-read} (one level down, out of
 * ProjectFixturesTest's reach): links, FIFOs and dangling links cannot be committed as fixtures, so
 * the test makes them, then compares with {@code expected-findings.txt}.
 */
class FileNotReadTest {
  private static final Path FIXTURE = Path.of("src/test/resources/projects/syn/linked/not-read");

  @Test
  void skippedFilesAreExactlyTheExpectedFindings(@TempDir Path tmp) throws Exception {
    Path root = tmp.resolve("not-read");
    try (Stream<Path> files = Files.walk(FIXTURE)) {
      for (Path p : files.toList()) {
        Path t = root.resolve(FIXTURE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else if (!p.getFileName().toString().equals("expected-findings.txt")) {
          Files.copy(p, t);
        }
      }
    }
    Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(outside.resolve("secret.py"), "import os\n");
    Files.createSymbolicLink(root.resolve("env.py"), outside.resolve("secret.py"));
    Files.createSymbolicLink(root.resolve("gone.py"), root.resolve("missing.py"));
    Files.createSymbolicLink(root.resolve("outside"), outside);
    Process mk = new ProcessBuilder("mkfifo", root.resolve("pipe.py").toString()).start();
    assertEquals(0, mk.waitFor());

    AuditResult result =
        new Audit()
            .run(
                AuditRequest.builder(List.of(root))
                    .select(List.of("SYN"))
                    .withoutBaseline()
                    .threads(2)
                    .today(LocalDate.of(2026, 6, 1))
                    .build());
    List<String> actual =
        result.findings().stream()
            .map(JudgedFinding::finding)
            .map(f -> f.code() + " " + f.path())
            .sorted()
            .toList();
    List<String> expected =
        Files.readAllLines(FIXTURE.resolve("expected-findings.txt")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .sorted()
            .toList();
    assertEquals(expected, actual, () -> result.findings().toString());
    assertEquals(1, result.files(), "only ok.py is audited");
  }

  @Test
  void theDefaultLimitIsTenMegabytes(@TempDir Path tmp) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("p"));
    Files.createDirectories(root.resolve(".git"));
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) '#');
    Files.write(root.resolve("huge.py"), big);
    Files.writeString(root.resolve("ok.py"), "x = 1\n");
    AuditResult result = new Audit().run(AuditRequest.of(root));
    assertEquals(
        List.of("huge.py is 10.0 MB, more than max-file-size (10 MB); Keel skipped it"),
        result.findings().stream()
            .map(JudgedFinding::finding)
            .filter(f -> f.code().equals("SYN003"))
            .map(f -> f.message())
            .toList());
  }
}
