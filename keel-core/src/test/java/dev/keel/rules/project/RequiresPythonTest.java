package dev.keel.rules.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.audit.Audit;
import dev.keel.audit.AuditRequest;
import dev.keel.judge.JudgedFinding;
import dev.keel.semantic.PythonVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code requires-python} is read one way, as PEP 440 says, for the version the audit targets and
 * for ARC005. Before, the audit took the first {@code >=}, {@code ~=} or {@code ==} clause by a
 * regular expression and ARC005 the first {@code >} or {@code >=} by another; the rows marked "was"
 * are where one of them answered otherwise (the newest Python Keel knows, 3.13, stood for "no
 * answer").
 */
class RequiresPythonTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        ">=3.8           | 3.8  | ",
        "~=3.9           | 3.9  | was 3.13 for ARC005",
        ">=3.8,<4        | 3.8  | ",
        "'>=3.9, <4'     | 3.9  | ",
        "<4,>=3.10       | 3.10 | ",
        "==3.11.*        | 3.11 | was 3.13 for ARC005",
        "'!=3.7.*,>=3.6' | 3.8  | 3.6 is older than the tables",
        ">3.7            | 3.8  | 3.7.1 is admitted; was 3.13 for the audit",
        ">3.9            | 3.9  | 3.9.1 is admitted; was 3.13 for the audit",
        "<3.12           | 3.8  | no lower bound; was 3.13 for both",
        "==2.7           | 3.8  | was 3.13 for ARC005",
        "===3.9          | none | no interpreter is the string 3.9 (pip compares 3.9.0); was 3.9 for the audit",
        ">=3.15          | 3.13 | newer than the tables",
        ">=3.9,<3.9      | none | admits nothing; was 3.9 for both",
        ">=4.0           | none | ",
        "3.9             | none | not a specifier",
        "''              | none | blank",
        "garbage         | none | ",
      })
  void lowestAdmitted(String specifier, String expected, String note) {
    assertEquals(
        Optional.ofNullable(expected).flatMap(PythonVersion::parse),
        RequiresPython.lowestAdmitted(specifier),
        specifier + (note == null ? "" : " (" + note + ")"));
  }

  /**
   * distutils left the standard library in 3.12: a project that still runs on 3.9 shadows it. The
   * audit and ARC005 used to disagree on {@code ~=3.9} (3.9 and 3.13); both now say 3.9.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"~=3.9 | 1", "==3.11.* | 1", ">=3.12 | 0", "<3.12 | 1"})
  void aModuleNamedLikeARemovedStandardModule(String specifier, int findings) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("p"));
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(
        root.resolve("pyproject.toml"),
        "[project]\nname = \"p\"\nrequires-python = \"" + specifier + "\"\n");
    Files.writeString(root.resolve("distutils.py"), "X = 1\n");
    AuditRequest request =
        AuditRequest.builder(List.of(root))
            .select(List.of("ARC005"))
            .withoutBaseline()
            .threads(1)
            .today(LocalDate.of(2026, 12, 2))
            .build();
    List<JudgedFinding> found = new Audit().run(request).findings();
    assertEquals(findings, found.size(), found.toString());
  }
}
