package dev.keel.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.python.source.PythonUnicode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** PythonUnicode agrees with CPython 3.13's unicodedata, whatever the JDK's Unicode version. */
class PythonUnicodeTest {
  @Test
  void printableFollowsPython313() {
    assertTrue(PythonUnicode.isPrintable('a'));
    assertFalse(PythonUnicode.isPrintable('\n'));
    assertFalse(PythonUnicode.isPrintable(0xA0), "no-break space is escaped by repr");
    assertTrue(PythonUnicode.isPrintable(0x1ABF), "added in Unicode 14");
    assertFalse(PythonUnicode.isPrintable(0x1C8A), "added in Unicode 16, unknown to 3.13");
    assertEquals("15.1.0", PythonUnicode.unicodeVersion());
  }

  @Test
  void namesAliasesAndAlgorithmicNames() {
    assertEquals(OptionalInt.of(0x61), PythonUnicode.lookup("LATIN SMALL LETTER A"));
    assertEquals(OptionalInt.of(0x61), PythonUnicode.lookup("latin small letter a"));
    assertEquals(OptionalInt.of(0xFEFF), PythonUnicode.lookup("BYTE ORDER MARK"));
    assertEquals(OptionalInt.of(0x6574), PythonUnicode.lookup("CJK UNIFIED IDEOGRAPH-6574"));
    assertEquals(OptionalInt.of(0xAC00), PythonUnicode.lookup("HANGUL SYLLABLE GA"));
    assertEquals(OptionalInt.of(0xD7A3), PythonUnicode.lookup("HANGUL SYLLABLE HIH"));
    assertEquals(OptionalInt.empty(), PythonUnicode.lookup("CJK UNIFIED IDEOGRAPHS 6574"));
    assertEquals(OptionalInt.empty(), PythonUnicode.lookup("NO SUCH CHARACTER"));
  }

  /** Every printable range boundary, and a sample of names, checked against python3.13 itself. */
  @Test
  @Tag("differential")
  void agreesWithCpythonOnASample() {
    Optional<String> py = ReferencePython.atLeast(3, 13);
    assumeTrue(py.isPresent(), "SKIPPED: no Python >= 3.13 to compare with");
    assumeTrue(
        ReferencePython.run(py.get(), "import unicodedata; print(unicodedata.unidata_version)")
            .map(String::strip)
            .orElse("")
            .equals(PythonUnicode.unicodeVersion()),
        "SKIPPED: that python's Unicode version differs from the tables'");
    String program =
        "import sys\n"
            + "print(''.join('1' if chr(c).isprintable() else '0' for c in range(0x110000)))";
    String bits =
        ReferencePython.run(py.get(), "exec(" + pyString(program) + ")").orElseThrow().strip();
    List<Integer> wrong = new ArrayList<>();
    for (int c = 0; c < 0x110000; c++) {
      if ((bits.charAt(c) == '1') != PythonUnicode.isPrintable(c) && wrong.size() < 10) {
        wrong.add(c);
      }
    }
    assertTrue(wrong.isEmpty(), "isprintable differs at " + wrong);
  }

  private static String pyString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
  }
}
