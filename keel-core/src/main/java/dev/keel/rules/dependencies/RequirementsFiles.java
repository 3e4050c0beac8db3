package dev.keel.rules.dependencies;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a requirements file is for. One that installs the project itself ({@code -e .}, {@code
 * .[cli,http2]}) is the development environment of a project whose runtime dependencies live in its
 * packaging: what it pins is for developing it, not for running it. Development tools (test
 * runners, linters, formatters, type checkers, documentation and release tools) are development
 * dependencies wherever a requirements file lists them.
 */
final class RequirementsFiles {
  private static final Pattern INSTALLS_PROJECT =
      Pattern.compile("(?m)^\\s*(?:-e\\s+|--editable[\\s=]+)?(?:file:)?\\.(?:\\[[^\\]]*\\])?\\s*$");

  /** Distribution names (PEP 503) of tools a project develops with and never runs with. */
  static final Set<String> DEV_TOOLS =
      Set.of(
          "pytest",
          "pytest-cov",
          "pytest-xdist",
          "pytest-mock",
          "pytest-asyncio",
          "pytest-django",
          "pytest-randomly",
          "pytest-timeout",
          "coverage",
          "codecov",
          "tox",
          "nox",
          "black",
          "isort",
          "ruff",
          "flake8",
          "pylint",
          "pycodestyle",
          "pyflakes",
          "autopep8",
          "yapf",
          "mypy",
          "pyright",
          "pytype",
          "bandit",
          "pre-commit",
          "twine",
          "build",
          "check-manifest",
          "bump2version",
          "bumpversion",
          "towncrier",
          "sphinx",
          "sphinx-rtd-theme",
          "mkdocs",
          "mkdocs-material",
          "mkautodoc",
          "mkdocstrings",
          "pip-tools",
          "ipdb",
          "pdbpp",
          "trio-typing",
          "pydocstyle",
          "sphinx2rst",
          "wheel");

  private RequirementsFiles() {}

  /** Whether the requirements text installs the project it sits in ({@code -e .}). */
  static boolean installsProject(String text) {
    return INSTALLS_PROJECT.matcher(text).find();
  }

  /** Whether {@code distribution} (PEP 503 normalised) is a development tool. */
  static boolean isDevTool(String distribution) {
    return DEV_TOOLS.contains(distribution)
        || distribution.startsWith("flake8-")
        || distribution.startsWith("sphinx-")
        || distribution.startsWith("mkdocs-")
        || distribution.startsWith("mkdocstrings")
        || distribution.startsWith("sphinxcontrib-")
        || distribution.startsWith("types-")
        || distribution.endsWith("-stubs");
  }
}
