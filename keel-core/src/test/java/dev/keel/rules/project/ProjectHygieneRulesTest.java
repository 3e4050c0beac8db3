package dev.keel.rules.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.finding.Span;
import dev.keel.project.ProjectDiscovery;
import dev.keel.rule.ProjectContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the fixture projects cannot show on their own: messages, spans, dates, and files that git
 * would not keep in a fixture (an ignored .env).
 */
class ProjectHygieneRulesTest {
  @TempDir Path tmp;

  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  private List<PrjRun.Reported> run(String code, LocalDate today, String... files)
      throws IOException {
    Path root = PrjRun.project(tmp, files);
    return PrjRun.run(root, today).stream().filter(r -> r.code().equals(code)).toList();
  }

  private List<PrjRun.Reported> run(String code, String... files) throws IOException {
    return run(code, TODAY, files);
  }

  @Test
  void endOfLifeMessageNamesTheOldestAdmittedVersionAndItsDate() throws IOException {
    List<PrjRun.Reported> found =
        run(
            "PRJ004",
            "pyproject.toml",
            "[project]\nname = \"a\"\nversion = \"1\"\nrequires-python = \">=3.8\"  # old\n",
            "a.py",
            "");
    assertEquals(1, found.size());
    assertEquals(
        ">=3.8 admits Python 3.8, end of life since 2024-10-07; require >=3.10 and test on it",
        found.get(0).message());
    assertEquals(Optional.of(new Span(4, 1, 4, 33)), found.get(0).span());
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        ">=3.8|2024-10-06|",
        ">=3.8|2024-10-07|3.8",
        ">=3.7|2026-06-01|3.7",
        ">=2.7|2026-06-01|2.7",
        ">=2.6|2026-06-01|2.6",
        ">=3.10|2026-10-30|",
        ">=3.10|2026-10-31|3.10",
        ">=3.8,!=3.8.*,!=3.9.*|2026-06-01|",
        ">=3.9.2|2026-06-01|3.9",
        "==3.12.*|2030-01-01|3.12",
        ">3.14|2040-01-01|3.14",
        ">=3.15|2040-01-01|",
        "~=3.11|2028-01-01|3.11",
        "<3.10|2026-06-01|2.6"
      })
  void endOfLifeDependsOnTheDate(String requires, String today, String eol) throws IOException {
    List<PrjRun.Reported> found =
        run(
            "PRJ004",
            LocalDate.parse(today),
            "pyproject.toml",
            "[project]\nrequires-python = \"" + requires + "\"\n",
            "a.py",
            "");
    if (eol == null) {
      assertEquals(List.of(), found);
    } else {
      assertEquals(1, found.size(), requires);
      assertTrue(
          found.get(0).message().startsWith(requires + " admits Python " + eol + ", "),
          found.get(0).message());
    }
  }

  @ParameterizedTest(name = "poetry {0}: {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "^3.8;3.8",
        "~3.9;3.9",
        "^3.10;",
        ">=3.7 <4.0;3.7",
        ">=3.11,<4;",
        "3.9.*;3.9",
        "^2.7 || ^3.10;2.7",
        "*;2.6"
      })
  void poetryConstraintsAreReadAsPoetryMeansThem(String constraint, String eol) throws IOException {
    List<PrjRun.Reported> found =
        run(
            "PRJ004",
            "pyproject.toml",
            "[tool.poetry]\nname = \"a\"\n\n[tool.poetry.dependencies]\npython = \""
                + constraint
                + "\"\n",
            "a.py",
            "");
    if (eol == null) {
      assertEquals(List.of(), found);
    } else {
      assertEquals(1, found.size(), constraint);
      assertEquals(5, found.get(0).span().orElseThrow().line());
      assertTrue(found.get(0).message().contains("admits Python " + eol + ","));
    }
  }

  @Test
  void committedEnvFileIsAnErrorAtItsFirstValueAndNeverQuotesIt() throws IOException {
    List<PrjRun.Reported> found =
        run("PRJ013", "app/.env", "\n  # empty\nEMPTY=\n  API_KEY = sk-live-123  \n", "a.py", "");
    assertEquals(1, found.size());
    PrjRun.Reported r = found.get(0);
    assertEquals("app/.env", r.path());
    assertEquals(Optional.of(new Span(4, 3, 4, 24)), r.span());
    assertTrue(r.message().contains("security problem"), r.message());
    assertTrue(r.message().contains("rotate"), r.message());
    assertTrue(r.message().contains("API_KEY"), r.message());
    assertTrue(!r.message().contains("sk-live-123"), r.message());
  }

  @Test
  void anEnvFileThatGitIgnoresIsNotCommitted() throws IOException {
    List<PrjRun.Reported> found =
        run(
            "PRJ013",
            ".gitignore",
            ".env\n.env.*\n!.env.shared\n",
            ".env",
            "SECRET=1\n",
            ".env.local",
            "SECRET=2\n",
            ".env.shared",
            "LOG_LEVEL=info\n",
            "a.py",
            "");
    assertEquals(List.of(".env.shared"), found.stream().map(PrjRun.Reported::path).toList());
  }

  @Test
  void gitignoreCoverageIsDecidedByMatchingNotBySearching() throws IOException {
    // "/__pycache__" ignores only the root folder; "#.env" is a comment; "venv.bak/" is no venv.
    List<PrjRun.Reported> found =
        run("PRJ012", ".gitignore", "#.env\n/__pycache__/\nvenv.bak/\n", "a.py", "");
    assertEquals(1, found.size());
    assertEquals(
        ".gitignore does not ignore .env, __pycache__ and virtualenvs (.venv, venv or env/), so"
            + " a plain 'git add .' would commit them",
        found.get(0).message());
    assertEquals(
        List.of(),
        run("PRJ012", ".gitignore", "*.env\n__pycache__\n.venv*\n", "a.py", ""),
        "globs cover the samples");
  }

  @Test
  void requirementsWithAnUnpinnedLineAreNoLockfileAndTheMessageNamesIt() throws IOException {
    List<PrjRun.Reported> found =
        run(
            "PRJ005",
            "requirements.txt",
            "flask==3.0.3\ndjango==5.*\n",
            "requirements-dev.txt",
            "pytest\n",
            "a.py",
            "");
    assertEquals(1, found.size());
    assertEquals("requirements-dev.txt", found.get(0).path(), "no pyproject: point at the file");
    assertTrue(found.get(0).message().endsWith("requirements-dev.txt does not pin \"pytest\""));
    assertEquals(
        List.of(),
        run("PRJ005", "requirements.txt", "flask==3.0.3\n", "a.py", ""),
        "the earlier run's files are still there, and requirements.txt now pins everything");
  }

  @Test
  void readmeMessageNamesWhatIsMissing() throws IOException {
    List<PrjRun.Reported> found =
        run("PRJ011", "README.md", "# x\n\nRun `pytest` to test.\n", "a.py", "");
    assertEquals(
        List.of(
            "README.md shows no command to install or run the project (in a code block or inline"
                + " code); a newcomer has to guess"),
        found.stream().map(PrjRun.Reported::message).toList());
  }

  @Test
  void proseThatMentionsToolsIsNoCommand() throws IOException {
    List<PrjRun.Reported> found =
        run(
            "PRJ011",
            "README.md",
            "# Testing with pytest\n\nWe pip install things and run python -m app.\n",
            "a.py",
            "");
    assertEquals(1, found.size());
    assertTrue(found.get(0).message().contains("install, run or test"), found.get(0).message());
  }

  @Test
  void ruffLintHookIsNoFormatterButRuffFormatHookIs() throws IOException {
    String hooks =
        "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    hooks:\n"
            + "      - id: ruff\n";
    List<PrjRun.Reported> found = run("PRJ006", ".pre-commit-config.yaml", hooks, "a.py", "");
    assertEquals(1, found.size());
    assertEquals(
        List.of(),
        run("PRJ006", ".pre-commit-config.yaml", hooks + "      - id: ruff-format\n", "a.py", ""));
    assertEquals(List.of(), run("PRJ007", "a.py", ""), "ruff hook is a linter");
  }

  @Test
  void metadataFindingsSitOnTheProjectHeader() throws IOException {
    List<PrjRun.Reported> found =
        run(
            "PRJ002",
            "pyproject.toml",
            "# metadata\n\n[project]\nname = \"a\"\ndynamic = [\"version\"]\n",
            "a.py",
            "");
    assertEquals(1, found.size());
    assertEquals(Optional.of(new Span(3, 1, 3, 10)), found.get(0).span());
    assertTrue(found.get(0).message().startsWith("[project] declares no requires-python"));
  }

  @ParameterizedTest(name = "{0} with {1}: fires {3}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '`',
      value = {
        "PRJ006;pyproject.toml;[tool.yapf]\\n;false",
        "PRJ006;setup.cfg;[yapf]\\nbased_on_style = pep8\\n;false",
        "PRJ006;noxfile.py;session.run(\"black\", \".\")\\n;false",
        "PRJ006;.pre-commit-config.yaml;repos:\\n  - hooks:\\n      - id: black\\n;false",
        "PRJ006;pyproject.toml;[tool.ruff]\\nline-length = 99\\n;true",
        "PRJ006;pyproject.toml;[tool.isort]\\n;true",
        "PRJ007;tox.ini;[flake8]\\nmax-line-length = 100\\n;false",
        "PRJ007;.pylintrc;[MAIN]\\n;false",
        "PRJ007;pylintrc;[MAIN]\\n;false",
        "PRJ007;.ruff.toml;line-length = 99\\n;false",
        "PRJ007;pyproject.toml;[tool.pylint.format]\\nmax-line-length = 99\\n;false",
        "PRJ007;README.md;Run ruff check . before pushing.\\n;true",
        "PRJ008;.mypy.ini;[mypy]\\n;false",
        "PRJ008;setup.cfg;[mypy]\\nstrict = True\\n;false",
        "PRJ008;pyproject.toml;[tool.pyright]\\n;false",
        "PRJ008;pyproject.toml;[tool.pytype]\\n;false",
        "PRJ008;.pre-commit-config.yaml;  - repo: local\\n    hooks:\\n      - id: types\\n        entry: uv run mypy\\n;false",
        "PRJ008;Makefile;check:\\n\\tcat mypy.ini\\n;true",
        "PRJ009;tox.ini;[tox]\\nenvlist = py312\\n;false",
        "PRJ009;pyproject.toml;[tool.tox]\\n;false",
        "PRJ009;pyproject.toml;[tool.hatch.envs.default.scripts]\\ntest = \"pytest {args}\"\\n;false",
        "PRJ009;tests/conftest.py;import pytest\\n;false",
        "PRJ009;Makefile;test:\\n\\tpython -m unittest discover\\n;false",
        "PRJ009;setup.cfg;[tool:pytest]\\ntestpaths = tests\\n;false",
        "PRJ009;pyproject.toml;[dependency-groups]\\ndev = [\"pytest-cov\"]\\n;true",
        "PRJ010;.buildkite/pipeline.yml;steps: []\\n;false",
        "PRJ010;.woodpecker/test.yml;steps: []\\n;false",
        "PRJ010;.drone.yml;kind: pipeline\\n;false",
        "PRJ010;.github/workflows/README.md;notes\\n;true",
        "PRJ010;.github/workflows/old/ci.yml;on: push\\n;true",
        "PRJ014;LICENSES/MIT.txt;MIT\\n;false",
        "PRJ014;COPYING;GPL\\n;false",
        "PRJ014;docs/LICENSE;MIT\\n;true",
        "PRJ014;setup.cfg;[metadata]\\nlicense = MIT\\n;false"
      })
  void recognisesWhereTeamsConfigureTheirTools(String code, String path, String text, boolean fires)
      throws IOException {
    String content = text.replace("\\n", "\n").replace("\\t", "\t");
    List<PrjRun.Reported> found = run(code, path, content, "a.py", "");
    assertEquals(fires, !found.isEmpty(), code + " " + path + ": " + found);
  }

  @Test
  void toolsAreReportedWithWhereTheyWereFound() throws IOException {
    Path root =
        PrjRun.copyAsRepository(
            ProjectHygieneFixturesTest.FIXTURES.resolve("poetry"), tmp.resolve("poetry"));
    DevelopmentTools tools =
        DevelopmentTools.of(
            new ProjectContext(
                ProjectDiscovery.discover(List.of(root), Optional.empty(), c -> c), TODAY));
    assertEquals(
        List.of("black (hook black in .pre-commit-config.yaml)"),
        List.copyOf(tools.tools(DevelopmentTools.Role.FORMATTER)));
    assertEquals(
        List.of("tox (tox.ini)", "pytest (run in tox.ini)", "tox (run in .gitlab-ci.yml)"),
        List.copyOf(tools.tools(DevelopmentTools.Role.TEST_RUNNER)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "version = 1.0|version is not a string; write it in quotes, like \"1.2.0\"",
        "requires-python = \"\"|requires-python is empty, so it admits every Python (write it"
            + " like >=3.11)",
        "requires-python = 3.11|requires-python is not a string; write it like \">=3.11\"",
        "requires-python = \"python>=3.11\"|requires-python \"python>=3.11\" is not a PEP 440"
            + " specifier set (write it like >=3.11 or >=3.11,<4)"
      })
  void malformedVersionFieldsAreReportedOnTheirLine(String line, String message)
      throws IOException {
    List<PrjRun.Reported> found =
        run("PRJ003", "pyproject.toml", "[project]\nname = \"a\"\n" + line + "\n", "a.py", "");
    assertEquals(List.of(message), found.stream().map(PrjRun.Reported::message).toList());
    assertEquals(3, found.get(0).span().orElseThrow().line());
    assertEquals(List.of(), run("PRJ004", "pyproject.toml", "[project]\n" + line + "\n"));
  }
}
