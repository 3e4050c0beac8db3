package dev.keel.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForeignCodesTest {
  private static final Path DOC = Path.of("../docs/suppressions.md");

  /** docs/suppressions.md lists every row of the table on its Keel rule's line, and no other. */
  @Test
  void theDocumentedTableIsTheTable() throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    Set<String> documented = new TreeSet<>();
    for (ForeignCodes.Mapping m : ForeignCodes.all()) {
      String row =
          lines.stream()
              .filter(l -> l.startsWith("| [" + m.keel() + "]"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("docs/suppressions.md has no row for " + m));
      assertTrue(row.contains("`" + m.foreign() + "`"), row + " lacks " + m.foreign());
      documented.add(m.keel());
    }
    long rows = lines.stream().filter(l -> l.matches("\\| \\[[A-Z]{3}[0-9]{3}\\].*")).count();
    assertEquals(documented.size(), rows, "rows in docs/suppressions.md without a mapping");
  }

  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource({
    "F401, NAM001, true",
    "F, NAM001, true",
    "F4, NAM001, true",
    "F8, NAM001, false",
    "FBT, NAM001, false",
    "S, SEC004, true",
    "SIM, SEC004, false",
    "SIM105, REL002, true",
    "C, CPX001, true",
    "C4, CPX001, false",
    "PL, CPX003, true",
    "PLR, CPX003, true",
    "PLW, CPX003, false",
    "DTZ, REL006, true",
    "DTZ011, REL006, true",
    "ANN, TYP003, true",
    "A, TYP003, false",
    "A005, ARC005, true",
    "ALL, SEC006, true",
    "ALL, ARC006, false",
    "E501, NAM001, false",
  })
  void selectorsMatchAsInRuff(String selector, String code, boolean covers) {
    assertEquals(covers, ForeignCodes.suppresses(selector, code));
  }
}
