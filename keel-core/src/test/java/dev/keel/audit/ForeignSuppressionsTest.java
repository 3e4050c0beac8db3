package dev.keel.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.judge.JudgedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suppressions a team already wrote for pyflakes, Ruff, flake8 and bandit silence the Keel rule
 * that means the same, through the whole pipeline.
 */
class ForeignSuppressionsTest {
  @TempDir Path tmp;

  private Path project(Map<String, String> files) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("p"));
    Files.createDirectories(root.resolve(".git"));
    for (var e : files.entrySet()) {
      Path f = root.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
    }
    return root;
  }

  static List<String> findings(Path root, String... select) {
    AuditRequest request =
        AuditRequest.builder(List.of(root))
            .select(List.of(select))
            .withoutBaseline()
            .threads(1)
            .today(LocalDate.of(2026, 12, 3))
            .build();
    return new Audit()
        .run(request).findings().stream()
            .map(JudgedFinding::finding)
            .map(f -> f.path() + ":" + f.span().map(s -> s.line()).orElse(0) + ":" + f.code())
            .toList();
  }

  @Test
  void aStringForwardReferenceMarkedF821IsNotReported() throws IOException {
    Path root =
        project(
            Map.of(
                "app/mixins.py",
                """
                class VLANGroupsMixin:
                    vlan_groups: "VLANGroupType"  # noqa: F821

                    def first(self) -> "VLANGroupType":
                        return self.vlan_groups
                """));
    // The unmarked line still reports the same name: only the marked one is silenced.
    assertEquals(List.of("app/mixins.py:4:NAM002"), findings(root, "NAM002"));
  }

  @Test
  void pyflakesCodesSilenceTheNamesRules() throws IOException {
    Path root =
        project(
            Map.of(
                "app/apps.py",
                """
                from django.apps import AppConfig
                import os  # noqa: F401
                import sys


                class CircuitsConfig(AppConfig):
                    def ready(self):
                        from . import signals  # noqa: F401
                        unused = 1  # noqa: F841
                        other = 2
                """));
    assertEquals(
        List.of("app/apps.py:3:NAM001", "app/apps.py:10:NAM003"),
        findings(root, "NAM001", "NAM003"));
  }

  @Test
  void aFileLevelRuffNoqaSilencesTheFileAndOnlyIt() throws IOException {
    Path root =
        project(
            Map.of(
                "gen/models.py", "# ruff: noqa\nimport os\nimport sys\n",
                "gen/only.py", "# flake8: noqa: F401\nimport os\nx = eval(input())\n",
                "app/other.py", "import os\n"));
    assertEquals(
        List.of("app/other.py:1:NAM001", "gen/only.py:3:SEC001"),
        findings(root, "NAM001", "SEC001"));
  }

  @Test
  void banditsNosecSilencesTheSecurityRule() throws IOException {
    Path root =
        project(
            Map.of(
                "app/run.py",
                """
                import subprocess


                def go(cmd):
                    subprocess.run(cmd, shell=True)  # nosec B602
                    subprocess.run(cmd, shell=True)  # nosec
                    subprocess.run(cmd, shell=True)  # nosec B105
                """));
    assertEquals(List.of("app/run.py:7:SEC004"), findings(root, "SEC004"));
  }

  @Test
  void ruffsPerFileIgnoresSilenceTheMappedRulesForThoseFiles() throws IOException {
    Path root =
        project(
            Map.of(
                "pyproject.toml",
                """
                [project]
                name = "p"

                [tool.ruff.lint.per-file-ignores]
                "__init__.py" = ["F401"]
                "tests/**" = ["S105", "E501"]
                "!app/**" = ["F841"]
                """,
                "app/__init__.py",
                "import os\n",
                "app/core.py",
                "import os\nPASSWORD = \"pr0d-s3cret!x\"\n",
                "tests/test_core.py",
                "import os\nPASSWORD = \"pr0d-s3cret!x\"\n"));
    assertEquals(
        List.of("app/core.py:1:NAM001", "app/core.py:2:SEC006", "tests/test_core.py:1:NAM001"),
        findings(root, "NAM001", "SEC006"));
  }

  @Test
  void aFileRuffExcludesGetsNoneOfWhatRuffWouldSayNorASyntaxError() throws IOException {
    Path root =
        project(
            Map.of(
                "ruff.toml",
                "extend-exclude = [\"migrations\", \"app/project_template/*\"]\n",
                "app/migrations/__init__.py",
                "",
                "app/migrations/0001_initial.py",
                "import os\nx = eval(input())\n",
                "app/project_template/{{ name }}.py",
                "{% if x %}\nimport os\n",
                "app/views.py",
                "import os\n"));
    // The template is not Python: Ruff never parses it, and neither does Keel judge its syntax.
    assertEquals(List.of("app/views.py:1:NAM001"), findings(root, "NAM001", "SEC001", "SYN001"));
  }

  @Test
  void keelsOwnPerFileIgnores() throws IOException {
    Path root =
        project(
            Map.of(
                "pyproject.toml",
                """
                [project]
                name = "p"

                [tool.keel.per-file-ignores]
                "tests/**" = ["SEC", "NAM003"]
                "app/legacy.py" = ["ALL"]
                """,
                "app/legacy.py",
                "import os\nx = eval(input())\n",
                "app/core.py",
                "x = eval(input())\n",
                "tests/test_core.py",
                "import os\nx = eval(input())\n"));
    assertEquals(
        List.of("app/core.py:1:SEC001", "tests/test_core.py:1:NAM001"),
        findings(root, "NAM001", "SEC001"));
  }

  @Test
  void flake8sPerFileIgnoresAndExcludeFromSetupCfg() throws IOException {
    Path root =
        project(
            Map.of(
                "setup.cfg",
                """
                [metadata]
                name = p

                [flake8]
                max-line-length = 100
                exclude = .git,build,vendored
                per-file-ignores =
                    app/__init__.py: F401
                    app/cli.py:T201,E501 app/other.py: F401
                """,
                "app/__init__.py",
                "import os\n",
                "app/other.py",
                "import os\n",
                "app/core.py",
                "import os\n",
                "app/vendored/lib.py",
                "import os\n"));
    assertEquals(List.of("app/core.py:1:NAM001"), findings(root, "NAM001"));
  }
}
