package dev.keel.rules.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.audit.Audit;
import dev.keel.audit.AuditRequest;
import dev.keel.judge.JudgedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NAM002 knows the builtins of the oldest Python that requires-python admits. */
class TargetPythonTest {
  @TempDir Path root;

  private List<String> undefinedNames(String requiresPython) throws IOException {
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(
        root.resolve("pyproject.toml"),
        "[project]\nname = \"app\"\nversion = \"1.0\"\nrequires-python = \""
            + requiresPython
            + "\"\n");
    Files.writeString(root.resolve("app.py"), "print(aiter, anext)\nprint(ExceptionGroup)\n");
    AuditRequest request =
        AuditRequest.builder(List.of(root))
            .select(List.of("NAM002"))
            .withoutBaseline()
            .threads(1)
            .today(LocalDate.of(2026, 1, 1))
            .build();
    return new Audit()
        .run(request).findings().stream()
            .map(JudgedFinding::finding)
            .map(f -> f.line() + " " + f.message())
            .toList();
  }

  @Test
  void builtinsNewerThanTheOldestSupportedPythonAreUndefined() throws IOException {
    assertEquals(
        List.of(
            "1 undefined name `aiter`",
            "1 undefined name `anext`",
            "2 undefined name `ExceptionGroup`"),
        undefinedNames(">=3.9,<4"));
  }

  @Test
  void theyAreDefinedWhenEveryAdmittedPythonHasThem() throws IOException {
    assertEquals(List.of(), undefinedNames(">=3.11"));
  }
}
