package dev.keel.python.parser;

import static dev.keel.python.token.TokenKind.*;

import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.TextRange;
import dev.keel.python.source.Comment;
import dev.keel.python.token.Token;
import dev.keel.python.token.TokenKind;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * String literals: adjacent strings concatenated, bytes, f-strings and t-strings with their
 * replacement fields, conversions and format specs (CPython's {@code strings}, {@code fstring} and
 * {@code tstring} rules). Decoding of escapes is in {@link Literals}.
 */
abstract class StringParser extends ParserCore {
  StringParser(String text, List<Token> tokens, List<Comment> comments) {
    super(text, tokens, comments);
  }

  /** Implemented in {@link ExpressionParser}. */
  abstract Expr starExpressions();

  /** Implemented in {@link ExpressionParser}. */
  abstract Expr yieldExpr();

  /** One piece of an implicitly concatenated string, before merging. */
  private record Piece(int start, int end, String text, boolean u) {}

  final Expr strings() {
    int s = p;
    boolean anyF = false;
    boolean anyT = false;
    boolean anyBytes = false;
    boolean anyStr = false;
    boolean firstU = false;
    boolean anyPlain = false;
    // fast path: a single plain string
    if (k[p] == STRING
        && k[p + 1] != STRING
        && k[p + 1] != FSTRING_START
        && k[p + 1] != TSTRING_START) {
      Token tok = t[p];
      advance();
      return new Expr.Constant(rng(s), stringValue(tok), isU(tok) ? "u" : null);
    }
    List<Object> parts = new ArrayList<>(); // Piece or Expr (FormattedValue/Interpolation)
    ByteArrayOutputStream bytes = null;
    int i = 0;
    while (true) {
      TokenKind kk = k[p];
      if (kk == STRING) {
        Token tok = t[p];
        int pl = Literals.prefixLength(src, tok.start());
        boolean isBytes = hasPrefix(tok.start(), pl, 'b');
        if (i == 0) {
          firstU = hasPrefix(tok.start(), pl, 'u');
        }
        if (isBytes) {
          anyBytes = true;
          if (bytes == null) {
            bytes = new ByteArrayOutputStream();
          }
          int q = quoteLen(tok.start() + pl);
          try {
            Literals.decodeBytes(
                src, tok.start() + pl + q, tok.end() - q, hasPrefix(tok.start(), pl, 'r'), bytes);
          } catch (Literals.LiteralError e) {
            throw error(e.msg, tok.start(), tok.end());
          }
        } else {
          anyStr = true;
          anyPlain = true;
          ConstantValue v = stringValue(tok);
          parts.add(
              new Piece(
                  tok.start(),
                  tok.end(),
                  ((ConstantValue.Str) v).value(),
                  hasPrefix(tok.start(), pl, 'u')));
        }
        advance();
      } else if (kk == FSTRING_START || kk == TSTRING_START) {
        if (kk == FSTRING_START) {
          anyF = true;
        } else {
          anyT = true;
        }
        anyStr = true;
        fstring(parts);
      } else {
        break;
      }
      i++;
    }
    if (anyT && (anyF || anyPlain || anyBytes)) {
      throw error(
          "cannot mix t-string literals with string or bytes literals", t[s].start(), lastEnd());
    }
    if (anyBytes && anyStr) {
      throw error("cannot mix bytes and nonbytes literals", tokRange(p));
    }
    if (anyBytes) {
      return new Expr.Constant(rng(s), new ConstantValue.Bytes(bytes.toByteArray()), null);
    }
    if (!anyF && !anyT) {
      StringBuilder sb = new StringBuilder();
      for (Object o : parts) {
        sb.append(((Piece) o).text);
      }
      return new Expr.Constant(rng(s), new ConstantValue.Str(sb.toString()), firstU ? "u" : null);
    }
    List<Expr> values = mergeParts(parts);
    return anyT ? new Expr.TemplateStr(rng(s), values) : new Expr.JoinedStr(rng(s), values);
  }

  /** Merges adjacent literal pieces into Constants, dropping empty ones, as CPython does. */
  private List<Expr> mergeParts(List<Object> parts) {
    List<Expr> values = new ArrayList<>();
    int i = 0;
    while (i < parts.size()) {
      Object o = parts.get(i);
      if (o instanceof Expr e) {
        values.add(e);
        i++;
        continue;
      }
      Piece first = (Piece) o;
      int j = i;
      StringBuilder sb = new StringBuilder();
      int end = first.end;
      while (j < parts.size() && parts.get(j) instanceof Piece pc) {
        sb.append(pc.text);
        end = pc.end;
        j++;
      }
      if (sb.length() > 0) {
        values.add(
            new Expr.Constant(
                new TextRange(first.start, end),
                new ConstantValue.Str(sb.toString()),
                first.u ? "u" : null));
      }
      i = j;
    }
    return values;
  }

  private boolean hasPrefix(int start, int len, char c) {
    for (int i = start; i < start + len; i++) {
      if (Character.toLowerCase(src.charAt(i)) == c) {
        return true;
      }
    }
    return false;
  }

  private boolean isU(Token tok) {
    char c = src.charAt(tok.start());
    return c == 'u' || c == 'U';
  }

  private int quoteLen(int quoteStart) {
    char q = src.charAt(quoteStart);
    return quoteStart + 2 < src.length()
            && src.charAt(quoteStart + 1) == q
            && src.charAt(quoteStart + 2) == q
        ? 3
        : 1;
  }

  private ConstantValue stringValue(Token tok) {
    int pl = Literals.prefixLength(src, tok.start());
    boolean raw = hasPrefix(tok.start(), pl, 'r');
    int q = quoteLen(tok.start() + pl);
    int from = tok.start() + pl + q;
    int to = Math.max(from, tok.end() - q);
    if (hasPrefix(tok.start(), pl, 'b')) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        Literals.decodeBytes(src, from, to, raw, out);
      } catch (Literals.LiteralError e) {
        throw error(e.msg, tok.start(), tok.end());
      }
      return new ConstantValue.Bytes(out.toByteArray());
    }
    boolean plain = true;
    for (int i = from; i < to; i++) {
      char c = src.charAt(i);
      if (c == '\\' || c == '\r') {
        plain = false;
        break;
      }
    }
    if (plain) {
      return new ConstantValue.Str(src.substring(from, to));
    }
    StringBuilder sb = new StringBuilder(to - from);
    try {
      Literals.decodeStr(src, from, to, raw, sb);
    } catch (Literals.LiteralError e) {
      throw error(e.msg, tok.start(), tok.end());
    }
    return new ConstantValue.Str(sb.toString());
  }

  /** CPython 3.14's Interpolation.str: the expression text without trailing blanks and '='. */
  private String interpolationText(int from, int to) {
    String raw = withoutComments(from, to);
    int len = raw.length();
    while (len > 0 && (Character.isWhitespace(raw.charAt(len - 1)) || raw.charAt(len - 1) == '=')) {
      len--;
    }
    return raw.substring(0, len);
  }

  /** Source text of {@code [from, to)} with comments cut out, as CPython's debug f-strings. */
  private String withoutComments(int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    int i = from;
    for (Comment c : comments) {
      if (c.end() <= from || c.start() >= to) {
        continue;
      }
      sb.append(src, i, Math.max(i, c.start()));
      i = Math.max(i, c.end());
    }
    if (i < to) {
      sb.append(src, i, to);
    }
    return sb.toString();
  }

  /** Parses one f-string or t-string from its START token through its END token into parts. */
  private void fstring(List<Object> parts) {
    Token startTok = t[p];
    boolean template = k[p] == TSTRING_START;
    int pl = Literals.prefixLength(src, startTok.start());
    boolean raw = hasPrefix(startTok.start(), pl, 'r');
    advance();
    TokenKind middle = template ? TSTRING_MIDDLE : FSTRING_MIDDLE;
    TokenKind end = template ? TSTRING_END : FSTRING_END;
    while (true) {
      if (at(middle)) {
        Token m = t[p];
        parts.add(new Piece(m.start(), middleEnd(m), middleText(m, raw), false));
        advance();
      } else if (at(LBRACE)) {
        replacementField(parts, raw, template, false);
      } else if (at(end)) {
        advance();
        return;
      } else {
        throw syntaxErrorHere();
      }
    }
  }

  /** End of a literal part: a doubled brace's second character belongs to it, as in CPython. */
  private int middleEnd(Token m) {
    int e = m.end();
    if (e > m.start() && e < src.length()) {
      char c = src.charAt(e - 1);
      if ((c == '{' || c == '}') && src.charAt(e) == c) {
        return e + 1;
      }
    }
    return e;
  }

  private String middleText(Token m, boolean raw) {
    StringBuilder sb = new StringBuilder(m.end() - m.start());
    int from = m.start();
    int to = m.end();
    // collapse doubled braces
    StringBuilder tmp = new StringBuilder();
    try {
      Literals.decodeStr(src, from, to, raw, tmp);
    } catch (Literals.LiteralError e) {
      throw error(e.msg, m.start(), m.end());
    }
    for (int i = 0; i < tmp.length(); i++) {
      char c = tmp.charAt(i);
      sb.append(c);
      if ((c == '{' || c == '}') && i + 1 < tmp.length() && tmp.charAt(i + 1) == c) {
        i++;
      }
    }
    return sb.toString();
  }

  private void replacementField(List<Object> parts, boolean raw, boolean template, boolean inSpec) {
    int s = p;
    advance(); // {
    enter();
    int outerBrackets = brackets;
    brackets = 0;
    try {
      int exprStart = p;
      if (at(RBRACE) || at(EXCLAMATION) || at(COLON) || at(EQUAL)) {
        throw error(
            "f-string: valid expression required before '" + src.charAt(t[p].start()) + "'",
            tokRange(p));
      }
      Expr value;
      if (atKw(K_YIELD)) {
        value = yieldExpr();
      } else {
        value = starExpressions();
      }
      int exprEndTok = p;
      if (!at(EQUAL) && !at(EXCLAMATION) && !at(COLON) && !at(RBRACE) && !at(ERROR)) {
        throw error(
            (template ? "t" : "f") + "-string: expecting '=', or '!', or ':', or '}'", tokRange(p));
      }
      String debugText = null;
      int debugEnd = p;
      if (at(EQUAL)) {
        advance();
        debugEnd = p;
        debugText = withoutComments(t[s].end(), t[p].start());
      }
      int delimiterTok = p;
      int conversion = -1;
      if (at(EXCLAMATION)) {
        advance();
        if (!at(NAME)) {
          throw error("f-string: missing conversion character", tokRange(p));
        }
        String c = names[p];
        if (!c.equals("s") && !c.equals("r") && !c.equals("a")) {
          throw error(
              "f-string: invalid conversion character '" + c + "': expected 's', 'r', or 'a'",
              tokRange(p));
        }
        conversion = c.charAt(0);
        advance();
        if (!at(COLON) && !at(RBRACE) && !at(ERROR)) {
          throw error((template ? "t" : "f") + "-string: expecting ':' or '}'", tokRange(p));
        }
      }
      Expr spec = null;
      if (at(COLON)) {
        int cs = p;
        advance();
        List<Object> specParts = new ArrayList<>();
        TokenKind middle = template ? TSTRING_MIDDLE : FSTRING_MIDDLE;
        while (true) {
          if (at(middle)) {
            Token m = t[p];
            specParts.add(new Piece(m.start(), middleEnd(m), middleText(m, raw), false));
            advance();
          } else if (at(LBRACE)) {
            replacementField(specParts, raw, template, true);
          } else {
            break;
          }
        }
        List<Expr> vals = mergeParts(specParts);
        spec = template ? new Expr.JoinedStr(rng(cs), vals) : new Expr.JoinedStr(rng(cs), vals);
      }
      if (!at(RBRACE)) {
        if (spec != null && !at(ERROR)) {
          throw error(
              (template ? "t" : "f") + "-string: expecting '}', or format specs", tokRange(p));
        }
        throw syntaxErrorHere();
      }
      advance();
      if (debugText != null && conversion == -1 && spec == null) {
        conversion = 'r';
      }
      TextRange r = rng(s);
      if (debugText != null) {
        parts.add(new Piece(t[s].end(), t[debugEnd].start(), debugText, false));
      }
      if (template && !inSpec) {
        String str = interpolationText(t[s].end(), t[delimiterTok].start());
        parts.add(new Expr.Interpolation(r, value, str, conversion, spec));
      } else {
        parts.add(new Expr.FormattedValue(r, value, conversion, spec));
      }
    } finally {
      depth--;
      brackets = outerBrackets;
    }
  }
}
