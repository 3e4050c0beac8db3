package dev.keel.python.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.python.SourceDecoder;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the input, the tokenizer ends, never throws, and gives a well-formed stream. */
class TokenizerPropertiesTest {

  private static final String SAMPLE =
      """
      # coding: utf-8
      import os, sys
      class A(B, metaclass=M):
          \"\"\"Doc.\"\"\"
          def f(self, x: int = 0x1F, *a, **k) -> list[int]:
              if x >= 1_000 and not (y := x ** 2.5e-3j):
                  return [i for i in range(10) if i % 2]
              s = f"{x!r:>{w}.{p}} {y=} {'a' "b"} {{}}" + rb'\\x00' + t'{z}'
              t = f'''multi
      {x
       + 1}line'''
              match s:
                  case {"a": 1, **rest} | [1, 2, *_]:
                      pass
              lambda a, /, b, *, c: (a @ b) // c >> 1 << 2 ^ 3 | 4 & 5
              x \\
                  = 1  # comment
      \t\f
      """;

  @Property(tries = 500)
  void mutatedSourceNeverBreaksTheTokenizer(@ForAll long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(SAMPLE);
    String inserts = "'\"{}()[]:!=\\#\n\r\t\f fbrtu0_.e\u00e9\u20ac\u00a0\u0000$`";
    int edits = 1 + r.nextInt(8);
    for (int i = 0; i < edits && sb.length() > 0; i++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(3)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, inserts.charAt(r.nextInt(inserts.length())));
        default -> sb.setLength(at);
      }
    }
    check(sb.toString());
  }

  @Property(tries = 2000)
  void randomTextNeverBreaksTheTokenizer(@ForAll("pythonish") String text) {
    check(text);
  }

  @Property(tries = 300)
  void randomBytesNeverBreakTheDecoder(@ForAll byte[] bytes) {
    check(SourceDecoder.decode(bytes).text());
  }

  @Provide
  Arbitrary<String> pythonish() {
    return Arbitraries.strings()
        .withChars(
            "abfrtuFRTU0123456789_.eEjJxXoObB'\"{}()[]:!=\\#\n\r\t\f +-*/<>%@~^|&;,$?`"
                + "\u00e9\u20ac\u00a0\u0000\ud835\udd18")
        .ofMaxLength(120);
  }

  private static void check(String text) {
    Tokens t = Tokenizer.tokenize(text);
    List<Token> tokens = t.tokens();
    assertEquals(TokenKind.ENDMARKER, tokens.get(tokens.size() - 1).kind());
    int previousEnd = 0;
    for (Token tok : tokens) {
      assertTrue(tok.start() >= previousEnd, () -> "tokens out of order: " + tokens);
      assertTrue(tok.end() <= text.length());
      previousEnd = tok.end();
    }
    boolean hasErrorToken = tokens.stream().anyMatch(k -> k.kind() == TokenKind.ERROR);
    assertEquals(hasErrorToken, !t.errors().isEmpty(), () -> "errors " + t.errors());
    t.errors().forEach(e -> assertTrue(e.end() <= text.length()));
  }
}
