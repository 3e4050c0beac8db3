package dev.keel.python.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.python.Decoded;
import dev.keel.python.SourceDecoder;
import dev.keel.python.source.SyntaxError;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoding source bytes: BOM, PEP 263 cookies, and CPython's messages for bad bytes. */
class SourceDecoderTest {

  /** Bytes from a string whose chars are all below 256, one byte each. */
  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String message(Decoded d) {
    return d.error().map(SyntaxError::message).orElse("OK");
  }

  @Test
  void utf8IsTheDefault() {
    Decoded d = SourceDecoder.decode("s = 'é€😀'\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(new Decoded("s = 'é€😀'\n", Optional.empty()), d);
  }

  @Test
  void byteOrderMarkIsDropped() {
    Decoded d = SourceDecoder.decode(bytes("\u00ef\u00bb\u00bfx = 1\n"));
    assertEquals(new Decoded("x = 1\n", Optional.empty()), d);
  }

  @Test
  void byteOrderMarkWithUtf8CookieIsFine() {
    assertEquals(
        "OK", message(SourceDecoder.decode(bytes("\u00ef\u00bb\u00bf# coding: utf-8\nx=1\n"))));
  }

  @Test
  void byteOrderMarkWithAnotherCookieIsAnError() {
    assertEquals(
        "encoding problem: iso-8859-1 with BOM",
        message(SourceDecoder.decode(bytes("\u00ef\u00bb\u00bf# coding: latin-1\nx=1\n"))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "# -*- coding: latin-1 -*-\\nx = '\u00e9'\\n|x = 'é'",
        "# coding=latin1\\nx = '\u00e9'\\n|x = 'é'",
        "#!/usr/bin/python\\n# vim: set fileencoding=ISO_8859_1 :\\nx = '\u00e9'\\n|x = 'é'",
        "\\n# coding: iso-8859-15\\nx = '\u00a4'\\n|x = '€'",
        "# coding: cp1252\\nx = '\u0080'\\n|x = '€'",
        "   # coding: Latin-1-unix\\nx = '\u00e9'\\n|x = 'é'",
        "# coding: utf_8\\nx = 1\\n|x = 1",
        "# coding: UTF8\\nx = 1\\n|x = 1",
      })
  void codingCookieChoosesTheEncoding(String source, String lastLine) {
    Decoded d = SourceDecoder.decode(bytes(source.replace("\\n", "\n")));
    assertEquals("OK", message(d));
    String[] lines = d.text().split("\n");
    assertEquals(lastLine, lines[lines.length - 1]);
  }

  @Test
  void cookieOnLineTwoCountsOnlyAfterACommentOrBlankLine() {
    Decoded d = SourceDecoder.decode(bytes("x = 1\n# coding: xyz\n"));
    assertEquals("OK", message(d));
  }

  @Test
  void unknownEncoding() {
    assertEquals(
        "unknown encoding: xyz", message(SourceDecoder.decode(bytes("# coding: xyz\nx=1\n"))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\u00ff = 1\\n|(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid"
            + " start byte|0",
        "x = \"\u00c3\"\\n|(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 0:"
            + " unexpected end of data|5",
        "x = \"ab\u00e9cd\"\\n|(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 2:"
            + " invalid continuation byte|7",
        "x=1\\n\u00ed\u00a0\u0080\\n|(unicode error) 'utf-8' codec can't decode byte 0xed in"
            + " position 0: invalid continuation byte|4",
        "# coding: ascii\\nx=\"\u00c3\u00a9\"\\n|'ascii' codec can't decode byte 0xc3 in position 19:"
            + " ordinal not in range(128)|19",
        "# coding: cp1252\\nx=\"\u0081\"\\n|'charmap' codec can't decode byte 0x81 in position 20:"
            + " character maps to <undefined>|20",
        "# coding: euc_jp\\nx=\"\u00ff\u00ff\"\\n|'euc_jp' codec can't decode byte 0xff in position"
            + " 20: illegal multibyte sequence|20",
        "x = 'a' + b\u00e9\\n|(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 1:"
            + " unexpected end of data|11",
        "x = \"\"\"ab\\ncd\u00e9\"\"\"\\n|(unicode error) 'utf-8' codec can't decode byte 0xe9 in"
            + " position 5: unexpected end of data|12",
        "# \u00ff\\nx = \u00ff\\n|(unicode error) 'utf-8' codec can't decode byte 0xff in position 0:"
            + " invalid start byte|8",
        "x = 1\u0000\\n|source code cannot contain null bytes|5",
      })
  void badBytesAreReportedInCPythonsWords(String source, String expected, int offset) {
    Decoded d = SourceDecoder.decode(bytes(source.replace("\\n", "\n")));
    assertEquals(expected, message(d));
    assertEquals(offset, d.error().orElseThrow().start());
  }

  @Test
  void badBytesInCommentsAreNoErrorAsForAstParse() {
    Decoded d = SourceDecoder.decode(bytes("# caf\u00e9 \u00ff\nx = 1  # \u00e9t\u00e9\n"));
    assertEquals(Optional.empty(), d.error());
    assertEquals("# caf\ufffd \ufffd\nx = 1  # \ufffdt\ufffd\n", d.text());
  }

  @Test
  void textAfterAnErrorKeepsItsPositions() {
    Decoded d = SourceDecoder.decode(bytes("x = 1\n\u00ff = 2\n"));
    assertEquals("x = 1\n\ufffd = 2\n", d.text());
    assertEquals(6, d.error().orElseThrow().start());
  }
}
