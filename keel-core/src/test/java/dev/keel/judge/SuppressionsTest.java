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
      })
  void oneLine(String line, String code, boolean suppressed) {
    assertEquals(suppressed, Suppressions.fromText(line).suppresses(1, code));
  }

  @org.junit.jupiter.api.Test
  void onlyTheCommentsOwnLine() {
    Suppressions s = Suppressions.fromText("a = 1\nb = 2  # noqa: X001\nc = 3\n");
    assertEquals(false, s.suppresses(1, "X001"));
    assertEquals(true, s.suppresses(2, "X001"));
    assertEquals(false, s.suppresses(3, "X001"));
  }
}
