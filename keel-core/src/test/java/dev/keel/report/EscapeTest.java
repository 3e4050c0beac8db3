package dev.keel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** What a control character in a path or message looks like once Keel prints it. */
class EscapeTest {
  @Test
  void controlsAreShownAsEscapes() {
    assertEquals("a\\x1b[2Jb", Escape.text("a\u001b[2Jb"));
    assertEquals("one\\ntwo\\rthree", Escape.text("one\ntwo\rthree"));
    assertEquals("\\x00\\x07\\x7f\\x85\\x9b", Escape.text("\u0000\u0007\u007f\u0085\u009b"));
    assertEquals(
        "\\u202a\\u202e\\u2066\\u2069\\u2028\\u2029",
        Escape.text("\u202a\u202e\u2066\u2069\u2028\u2029"));
    assertEquals("\\ufffe\\uffff", Escape.text("\ufffe\uffff"));
  }

  @Test
  void ordinaryTextIsUntouched() {
    String s = "tab\there, caf\u00e9, \u65e5\u672c, \ud83d\ude00, back\\slash";
    assertSame(s, Escape.text(s));
  }

  @Test
  void onlyUnpairedSurrogatesAreEscaped() {
    assertEquals("\\ud83dx", Escape.text("\ud83dx"));
    assertEquals("x\\ude00", Escape.text("x\ude00"));
    assertEquals("\\ud83d\ud83d\ude00", Escape.text("\ud83d\ud83d\ude00"));
  }

  @Test
  void githubEncodingCoversPercentCarriageReturnsAndNewlines() {
    assertEquals("a%25b%0D%0A::c", GithubReporter.data("a%b\r\n::c"));
    assertEquals("a%3A%3Ab%2Cc%0A", GithubReporter.property("a::b,c\n"));
  }
}
