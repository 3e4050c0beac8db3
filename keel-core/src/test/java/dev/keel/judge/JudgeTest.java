package dev.keel.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.keel.ConfinedReader;
import dev.keel.finding.Finding;
import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.project.NotRead;
import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judge step on its own: raw findings in, the findings a report shows out. */
class JudgeTest {
  @TempDir Path tmp;

  /** The project's text as the judge reads it, from a map. */
  private final Map<String, String> files = new HashMap<>();

  private final SourceText texts =
      new SourceText() {
        @Override
        public String text(String path) {
          return files.getOrDefault(path, "");
        }

        @Override
        public Optional<String> line(String path, int line) {
          List<String> lines = text(path).lines().toList();
          return line >= 1 && line <= lines.size()
              ? Optional.of(lines.get(line - 1))
              : Optional.empty();
        }
      };

  private Project project(String pyproject, String... paths) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("p"));
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve("pyproject.toml"), pyproject);
    List<Path> asked =
        paths.length == 0 ? List.of(root) : List.of(paths).stream().map(root::resolve).toList();
    for (Path p : asked) {
      // Discovery wants a Python file to audit; the judge reads only the findings given to it.
      Files.writeString(Files.createDirectories(p).resolve("m.py"), "");
    }
    return ProjectDiscovery.discover(asked, Optional.empty(), c -> c);
  }

  private static Finding at(String code, String path, int line) {
    return new Finding(
        code, Severity.WARNING, code + " here", path, Optional.of(new Span(line, 1, line, 2)), 5);
  }

  private static Finding onFile(String code, String path) {
    return new Finding(code, Severity.WARNING, code + " here", path, Optional.empty(), 5);
  }

  private List<String> kept(Project project, Baseline baseline, Finding... raw) {
    return new Judge(project, texts, baseline)
        .judge(List.of(raw)).stream()
            .map(j -> j.finding().code() + " " + j.finding().path() + (j.baselined() ? " *" : ""))
            .toList();
  }

  private List<String> kept(Project project, Finding... raw) {
    return kept(project, Baseline.empty(), raw);
  }

  @Test
  void aPrototypeReportsOnlySecurityAndSyntaxAnyDeeperFileToo() throws IOException {
    Project p = project("[tool.keel.tiers]\nprototype = [\"scripts/\"]\n");
    assertEquals(
        List.of("SEC001 scripts/a.py", "SYN001 scripts/a.py", "SEC002 scripts/deep/b.py"),
        kept(
            p,
            at("SEC001", "scripts/a.py", 1),
            at("REL001", "scripts/a.py", 2),
            at("SYN001", "scripts/a.py", 3),
            onFile("PRJ001", "scripts/a.py"),
            at("NAM001", "scripts/deep/b.py", 1),
            at("SEC002", "scripts/deep/b.py", 2)));
    assertEquals(Tiers.PROTOTYPE_FAMILIES, java.util.Set.of("SEC", "SYN", "NBK001", "NBK006"));
  }

  @Test
  void standardAndCriticalFilesReportEveryCode() throws IOException {
    Project p =
        project("[tool.keel.tiers]\nprototype = [\"scripts/\"]\ncritical = [\"src/payments/\"]\n");
    assertEquals(
        List.of(
            "REL001 app.py",
            "SEC001 app.py",
            "REL001 scripts.py",
            "NAM001 src/payments/pay.py",
            "REL001 src/payments/pay.py"),
        kept(
            p,
            at("REL001", "app.py", 1),
            at("SEC001", "app.py", 2),
            at("REL001", "src/payments/pay.py", 2),
            at("NAM001", "src/payments/pay.py", 1),
            at("REL001", "scripts.py", 1)));
  }

  @Test
  void aCommentSuppressesFindingsOnItsLineOnly() throws IOException {
    Project p = project("");
    files.put("a.py", "import os  # noqa: NAM001\nimport sys\neval(x)  # keel: ignore\n");
    assertEquals(
        List.of("NAM001 a.py", "NAM001 a.py"),
        kept(
            p,
            at("NAM001", "a.py", 1),
            at("NAM001", "a.py", 2),
            at("SEC001", "a.py", 3),
            onFile("NAM001", "a.py")));
  }

  @Test
  void findingsOutsideTheAskedPathsAreDropped() throws IOException {
    Project p = project("", "src");
    assertEquals(
        List.of("REL001 src/a.py"),
        kept(p, at("REL001", "src/a.py", 1), at("REL001", "tests/a.py", 1)));
  }

  @Test
  void aFileNotReadKeepsOnlyTheFindingThatSaysSo() throws IOException {
    Project found = project("");
    Project p =
        new Project(
            found.root(),
            found.config(),
            found.files(),
            found.scope(),
            List.of(new NotRead(".gitignore", ConfinedReader.Reason.OUTSIDE, "a link out")),
            List.of());
    assertEquals(
        List.of("SYN002 .gitignore", "PRJ001 x.py"),
        kept(
            p,
            onFile("PRJ008", ".gitignore"),
            onFile("SYN002", ".gitignore"),
            onFile("PRJ001", "x.py")));
  }

  @Test
  void theBaselineMarksWhatItHoldsByFingerprintAndKeepsIt() throws IOException {
    Project p = project("");
    files.put("a.py", "# a\n\nimport os\nimport sys\n");
    Finding os = at("NAM001", "a.py", 3);
    Finding sys = at("NAM001", "a.py", 4);
    List<JudgedFinding> first = new Judge(p, texts, Baseline.empty()).judge(List.of(sys, os));
    assertEquals(List.of(os, sys), first.stream().map(JudgedFinding::finding).toList());
    assertNotEquals(first.get(0).fingerprint(), first.get(1).fingerprint());
    Baseline accepted = Baseline.of(List.of(first.get(0)));
    assertEquals(List.of("NAM001 a.py *", "NAM001 a.py"), kept(p, accepted, os, sys));
    // An edit above moves the finding down a line; its fingerprint, and so its mark, stays.
    files.put("a.py", "# a\n# b\n\nimport os\nimport sys\n");
    assertEquals(
        List.of("NAM001 a.py *", "NAM001 a.py"),
        kept(p, accepted, at("NAM001", "a.py", 4), at("NAM001", "a.py", 5)));
  }
}
