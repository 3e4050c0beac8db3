package dev.keel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {
  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "__init__.py, pkg/sub/__init__.py, true",
    "__init__.py, pkg/init.py, false",
    "tests/**, tests/a/b.py, true",
    "tests/*, tests/a/b.py, true",
    "tests/**, src/tests.py, false",
    "tests/**/*.py, tests/x.py, true",
    "test_*, tests/test_x.py, true",
    "test_*, tests/x_test.py, false",
    "./app/cli.py, app/cli.py, true",
    "app/cli.py, other/app/cli.py, false",
    "*/migrations/*, app/migrations/0001.py, true",
    "'{a,b}/*.py', b/x.py, true",
    "'{a,b}/*.py', c/x.py, false",
    "[!x]*.py, y.py, true",
    "[!x]*.py, x.py, false",
    "file?.py, file1.py, true",
  })
  void matchesAsRuff(String pattern, String path, boolean matches) {
    assertEquals(matches, PathGlob.of(pattern, "test").matches(path));
  }

  @ParameterizedTest(name = "exclude {0} covers {1}: {2}")
  @CsvSource({
    "migrations, app/migrations/0001_initial.py, true",
    "migrations, app/migrations.py, false",
    "app/project_template/*, app/project_template/x/y.py, true",
    "build, build/lib/x.py, true",
    "build, src/builder.py, false",
    "docs/conf.py, docs/conf.py, true",
  })
  void excludeCoversFoldersAndAllBelow(String pattern, String path, boolean covered) {
    assertEquals(covered, PathGlob.of(pattern, "test").matchesOrContains(path));
  }

  @Test
  void aBrokenPatternNamesItself() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> PathGlob.of("src/[abc", "per-file-ignores"));
    assertEquals(
        "per-file-ignores has pattern 'src/[abc', which is not a valid glob", e.getMessage());
  }
}
