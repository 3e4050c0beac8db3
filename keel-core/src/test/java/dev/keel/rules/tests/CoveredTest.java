package dev.keel.rules.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** How TST006's message names the lines that never ran. */
class CoveredTest {
  private static String lines(Integer... l) {
    return Covered.lines(new TreeSet<>(List.of(l)));
  }

  @Test
  void runsOfLinesAreRangesAndALongListSaysHowManyMore() {
    assertEquals("line 7", lines(7));
    assertEquals("lines 3-5", lines(3, 4, 5));
    assertEquals("lines 3, 7-9 and 12", lines(3, 7, 8, 9, 12));
    assertEquals(
        "lines 1, 3, 5-6, 8, 10, 12 and 4 more", lines(1, 3, 5, 6, 8, 10, 12, 14, 15, 16, 20));
  }
}
