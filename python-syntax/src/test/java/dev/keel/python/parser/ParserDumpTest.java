package dev.keel.python.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.python.AstDump;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Paired {@code name.py} / {@code name.dump} files under {@code src/test/resources/parser}: the
 * dump of our tree must equal the checked-in expectation, which for Python 3.13 syntax is what
 * {@code ast.dump(ast.parse(src), include_attributes=True, show_empty=True)} printed under CPython
 * 3.13, and for 3.14-only syntax (t-strings, PEP 758) is written by hand after CPython 3.14's ASDL.
 */
class ParserDumpTest {
  static Stream<String> cases() {
    return Stream.of(
        "statements_and_expressions",
        "fstrings",
        "patterns",
        "defs",
        "literals",
        "misc",
        "positions",
        "py314_tstrings",
        "py314_except_without_parens");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void dumpEqualsCpython(String name) throws IOException {
    byte[] source = read(name + ".py");
    String expected = new String(read(name + ".dump"), StandardCharsets.UTF_8).strip();
    ParseResult r = PythonParser.parse(source);
    assertTrue(r.errors().isEmpty(), () -> name + ": unexpected errors " + r.errors());
    assertEquals(expected, AstDump.dump(r), name);
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = ParserDumpTest.class.getResourceAsStream("/parser/" + resource)) {
      if (in == null) {
        throw new IOException("missing test resource /parser/" + resource);
      }
      return in.readAllBytes();
    }
  }

  static List<String> names() {
    return cases().toList();
  }
}
