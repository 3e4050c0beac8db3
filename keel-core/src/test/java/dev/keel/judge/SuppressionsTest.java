package dev.keel.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuppressionsTest {
  @ParameterizedTest(name = "{0} suppresses {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "x = 1  # noqa                    | SEC001 | true",
        "x = 1  # noqa: SEC001            | SEC001 | true",
        "x = 1  # noqa: SEC001            | SEC002 | false",
        "x = 1  # noqa:SEC001,REL002      | REL002 | true",
        "x = 1  # NOQA: sec001            | SEC001 | true",
        "x = 1  # noqa: SEC               | SEC004 | true",
        "x = 1  # keel: ignore[SEC001]    | SEC001 | true",
        "x = 1  # keel: ignore[SEC001]    | REL001 | false",
        "x = 1  # keel: ignore[SEC001, REL001] | REL001 | true",
        "x = 1  # keel: ignore            | TYP001 | true",
        "x = '# noqa'                     | SEC001 | false",
        "x = \"it's # noqa\"              | SEC001 | false",
        "x = 1  # a comment, then noqa    | SEC001 | false",
        "x = 1                            | SEC001 | false",
        // Other tools' codes that mean a Keel rule
        "import os  # noqa: F401          | NAM001 | true",
        "import os  # noqa: F401          | NAM004 | false",
        "import os  # noqa:F811           | NAM004 | true",
        "x: 'Later'  # noqa: F821         | NAM002 | true",
        "y = 1  # noqa: F841              | NAM003 | true",
        "except:  # noqa: E722            | REL001 | true",
        "except:  # noqa: B001            | REL001 | true",
        "def f(a=[]):  # noqa: B006       | REL005 | true",
        "def f():  # noqa: C901           | CPX001 | true",
        "def f():  # noqa: C901           | CPX002 | false",
        "def f(a, b):  # noqa: PLR0913    | CPX003 | true",
        "p = 'x9'  # noqa: S105           | SEC006 | true",
        "eval(x)  # noqa: S307            | SEC001 | true",
        "run(c, shell=True)  # noqa: S602 | SEC004 | true",
        "run(c, shell=True)  # noqa: S603 | SEC004 | false",
        "now()  # noqa: DTZ005            | REL006 | true",
        "now()  # noqa: DTZ               | REL006 | true",
        "def f(a):  # noqa: ANN001        | TYP001 | true",
        "def f(a: Any):  # noqa: ANN401   | TYP003 | true",
        "def f(a: Any):  # noqa: ANN401   | TYP001 | false",
        "except Exception:  # noqa: BLE001 | REL002 | true",
        "print(x)  # noqa: T201           | CFG003 | true",
        "x = 1  # noqa: E501              | SEC001 | false",
        "x = 1  # noqa: E501, F401        | NAM001 | true",
        // A linter's letters are its own: S is bandit, never flake8-simplify's SIM
        "p = 'x9'  # noqa: SIM105         | SEC006 | false",
        "p = 'x9'  # noqa: S              | SEC006 | true",
        "p = 'x9'  # noqa: S1             | SEC006 | true",
        "p = 'x9'  # noqa: S3             | SEC006 | false",
        // Codes end at the first word that is not one
        "import os  # noqa: F401 re-exported for users | NAM001 | true",
        "import os  # noqa: F401 A note   | ARC005 | false",
        // bandit's own comment, bare or with its test ids
        "run(c, shell=True)  # nosec      | SEC004 | true",
        "run(c, shell=True)  # nosec      | NAM001 | false",
        "run(c, shell=True)  # nosec B602 | SEC004 | true",
        "run(c, shell=True)  # nosec: B602, B607 | SEC004 | true",
        "run(c, shell=True)  # nosec B105 | SEC004 | false",
        "import os  # noqa: E501  # nosec | SEC004 | true",
        "import os  # noqa: E501  # nosec | NAM001 | false",
      })
  void oneLine(String line, String code, boolean suppressed) {
    assertEquals(suppressed, Suppressions.fromText(line).suppresses(1, code));
  }

  @ParameterizedTest(name = "file with {0}: {1} on line 3 suppressed: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "# ruff: noqa                | NAM001 | true",
        "# ruff: noqa                | SEC006 | true",
        "# flake8: noqa              | REL002 | true",
        "# ruff: noqa: F401          | NAM001 | true",
        "# ruff: noqa: F401          | NAM002 | false",
        "# ruff: noqa: F401, S105    | SEC006 | true",
        "# flake8: noqa: E722        | REL001 | true",
        "#ruff:noqa:F401             | NAM001 | true",
        "# some comment              | NAM001 | false",
        // Only alone on its line: after code it is a comment about that line.
        "x = 1  # ruff: noqa         | NAM001 | false",
      })
  void fileWide(String directive, String code, boolean suppressed) {
    Suppressions s = Suppressions.fromText(directive + "\nimport os\nimport sys\n");
    assertEquals(suppressed, s.suppresses(3, code));
    assertEquals(suppressed, s.suppressesFileWide(code));
  }

  @org.junit.jupiter.api.Test
  void onlyTheCommentsOwnLine() {
    Suppressions s = Suppressions.fromText("a = 1\nb = 2  # noqa: X001\nc = 3\n");
    assertEquals(false, s.suppresses(1, "X001"));
    assertEquals(true, s.suppresses(2, "X001"));
    assertEquals(false, s.suppresses(3, "X001"));
  }
}
