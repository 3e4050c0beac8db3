package dev.keel.python.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.python.AstDump;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.python.ast.Stmt;
import dev.keel.python.source.SyntaxError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Syntax errors: CPython 3.13's message, kind, line and 1-based column for the first error ({@code
 * parser/errors.tsv}: source with {@code \n} escapes, then what CPython reports; 3.14-only rows
 * were written by hand), error recovery and the nesting limits.
 */
class ParserErrorTest {
  static Stream<String[]> rows() throws IOException {
    try (InputStream in = ParserErrorTest.class.getResourceAsStream("/parser/errors.tsv")) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return all.lines().filter(l -> !l.isBlank()).map(l -> l.split("\t", 2)).toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("rows")
  void firstErrorIsCpythons(String raw, String expected) {
    String source = raw.replace("\\n", "\n");
    ParseResult r = PythonParser.parse(source);
    String got;
    if (r.errors().isEmpty()) {
      got = "OK";
    } else {
      SyntaxError e = r.errors().get(0);
      got =
          e.kind()
              + "|"
              + e.message()
              + "|"
              + r.lines().line(e.start())
              + "|"
              + (r.lines().column(e.start()) + 1);
    }
    assertEquals(expected, got, source);
  }

  static Stream<Arguments> cpythonTestSyntax() throws IOException {
    try (InputStream in =
        ParserErrorTest.class.getResourceAsStream("/parser/cpython_test_syntax.tsv")) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return all
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t", 2))
          .map(r -> Arguments.of(unescape(r[0]), r[1]))
          .toList()
          .stream();
    }
  }

  private static String unescape(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        char d = raw.charAt(++i);
        sb.append(d == 'n' ? '\n' : d);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The doctest examples of CPython's test_syntax.py that Keel reports exactly as CPython. */
  @ParameterizedTest
  @MethodSource("cpythonTestSyntax")
  void cpythonTestSyntaxExamples(String source, String expected) {
    ParseResult r = PythonParser.parse(source);
    String got = "OK";
    if (!r.errors().isEmpty()) {
      SyntaxError e = r.errors().get(0);
      got =
          e.kind()
              + "|"
              + e.message()
              + "|"
              + r.lines().line(e.start())
              + "|"
              + (r.lines().column(e.start()) + 1);
    }
    assertEquals(expected, got, source);
  }

  @Test
  void recoversAfterErrorsAndKeepsGoodStatements() {
    String src =
        """
        a = 1
        b = = 2
        def f():
            x = 1 +
            return 1
        c = 3
        if d:
            f() = 1
            g = 4
        h = 5
        """;
    ParseResult r = PythonParser.parse(src);
    assertEquals(3, r.errors().size(), r.errors().toString());
    assertEquals(
        List.of(2, 4, 8),
        r.errors().stream().map(e -> r.lines().line(e.start())).toList(),
        "errors in source order");
    assertEquals("invalid syntax", r.errors().get(0).message());
    List<Stmt> body = r.module().body();
    assertEquals(5, body.size(), body.toString());
    Stmt.FunctionDef f = (Stmt.FunctionDef) body.get(1);
    assertTrue(f.body().get(0) instanceof Stmt.Return, f.body().toString());
    Stmt.If ifStmt = (Stmt.If) body.get(3);
    assertEquals(1, ifStmt.body().size());
    assertTrue(body.get(4) instanceof Stmt.Assign);
  }

  @Test
  void twoSyntaxErrorsAreBothReported() {
    ParseResult r = PythonParser.parse("x = 1\nf() = 2\ny = 3\ndel g()\nz = 4\n");
    assertEquals(2, r.errors().size(), r.errors().toString());
    assertEquals(
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        r.errors().get(0).message());
    assertEquals("cannot delete function call", r.errors().get(1).message());
    assertEquals(3, r.module().body().size());
  }

  @Test
  void deepUnaryNestingWithinCpythonsLimitParses() {
    ParseResult r = PythonParser.parse("-".repeat(5000) + "1\n");
    assertTrue(r.errors().isEmpty(), r.errors().toString());
    assertFalse(AstDump.dump(r).isEmpty());
  }

  @Test
  void nestingBeyondCpythonsLimitIsAnErrorNotAStackOverflow() {
    for (String unit : List.of("-", "not ", "~", "lambda:", "2**", "x if y else ")) {
      ParseResult r = PythonParser.parse(unit.repeat(100_000) + "1\n");
      assertFalse(r.errors().isEmpty(), unit);
      assertTrue(r.errors().get(0).message().contains("too complex"), r.errors().toString());
    }
  }

  @Test
  void tooManyNestedParenthesesComesFromTheTokenizer() {
    ParseResult r = PythonParser.parse("(".repeat(1000) + "1" + ")".repeat(1000) + "\n");
    assertEquals("too many nested parentheses", r.errors().get(0).message());
  }

  @Test
  void deepLeftAssociativeChainsDoNotOverflow() {
    ParseResult r = PythonParser.parse("x = " + "a + ".repeat(9000) + "a\n");
    assertTrue(r.errors().isEmpty());
    assertTrue(AstDump.dump(r).startsWith("Module(body=[Assign("));
  }
}
