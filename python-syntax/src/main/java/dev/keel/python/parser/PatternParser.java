package dev.keel.python.parser;

import static dev.keel.python.token.TokenKind.*;

import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.ExprContext;
import dev.keel.python.ast.MatchCase;
import dev.keel.python.ast.Operator;
import dev.keel.python.ast.Pattern;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.UnaryOperator;
import dev.keel.python.source.Comment;
import dev.keel.python.token.Token;
import dev.keel.python.token.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code match} statement (Python 3.10 and later) and its patterns: or-, as-, literal, capture,
 * value, sequence, mapping and class patterns.
 */
abstract class PatternParser extends ExpressionParser {
  PatternParser(String text, List<Token> tokens, List<Comment> comments) {
    super(text, tokens, comments);
  }

  /** Implemented in {@link Parser}. */
  abstract List<Stmt> block(String what, int headerTok);

  final boolean looksLikeMatch() {
    // 'match' subject ':' NEWLINE INDENT 'case' -- find the line's top-level ':' NEWLINE
    int i = p + 1;
    TokenKind next = kindAt(i);
    if (next == NEWLINE
        || next == EQUAL
        || next == DOT
        || next == COLON
        || next == COMMA
        || next == RPAR
        || next == SEMI
        || AUG[next.ordinal()] != null) {
      return false;
    }
    int level = 0;
    for (; i < n; i++) {
      TokenKind kk = k[i];
      if (kk == LPAR || kk == LSQB || kk == LBRACE) {
        level++;
      } else if (kk == RPAR || kk == RSQB || kk == RBRACE) {
        level--;
      } else if (kk == NEWLINE || kk == ENDMARKER) {
        return k[i - 1] == COLON || kk == NEWLINE && kindAt(i + 1) == INDENT && kwAt(i + 2, S_CASE);
      }
    }
    return false;
  }

  final Stmt matchStmt() {
    int start = p;
    advance();
    int s = p;
    Expr subject = starNamedExpression();
    if (at(COMMA)) {
      List<Expr> elts = new ArrayList<>();
      elts.add(subject);
      while (eat(COMMA)) {
        if (at(COLON)) {
          break;
        }
        elts.add(starNamedExpression());
      }
      subject = new Expr.Tuple(rng(s), elts, ExprContext.Load);
    }
    expectColon();
    if (!eat(NEWLINE)) {
      throw syntaxErrorHere();
    }
    if (!at(INDENT)) {
      throw indentationError(
          "expected an indented block after 'match' statement on line "
              + lines.line(t[start].start()),
          missingBlockAt(),
          missingBlockAt());
    }
    advance();
    List<MatchCase> cases = new ArrayList<>();
    while (!at(DEDENT) && !at(ENDMARKER)) {
      if (!(at(NAME) && kw[p] == S_CASE)) {
        throw syntaxErrorHere();
      }
      int cs = p;
      advance();
      Pattern pat = patterns();
      Expr guard = null;
      if (eatKw(K_IF)) {
        guard = namedExpression();
      }
      expectColon();
      List<Stmt> body = block("'case' statement", cs);
      cases.add(new MatchCase(rngEnd(cs, body, List.of()), pat, guard, body));
    }
    eat(DEDENT);
    return new Stmt.Match(rng(start), subject, cases);
  }

  private Pattern patterns() {
    int start = p;
    Pattern first = maybeStarPattern();
    if (!at(COMMA)) {
      if (first instanceof Pattern.MatchStar) {
        return new Pattern.MatchSequence(rng(start), List.of(first));
      }
      return first;
    }
    List<Pattern> ps = new ArrayList<>();
    ps.add(first);
    while (eat(COMMA)) {
      if (at(COLON) || atKw(K_IF)) {
        break;
      }
      ps.add(maybeStarPattern());
    }
    return new Pattern.MatchSequence(rng(start), ps);
  }

  private Pattern maybeStarPattern() {
    int s = p;
    if (eat(STAR)) {
      String name = ident();
      return new Pattern.MatchStar(rng(s), name.equals("_") ? null : name);
    }
    return pattern();
  }

  private Pattern pattern() {
    int s = p;
    Pattern or = orPattern();
    if (eatKw(K_AS)) {
      int nt = p;
      if (atKw(S_UNDERSCORE)) {
        throw error("cannot use '_' as a target", tokRange(p));
      }
      if (!atIdent()) {
        if (at(ERROR) || at(NEWLINE)) {
          throw syntaxErrorHere();
        }
        throw error("invalid pattern target", tokRange(p));
      }
      String name = ident();
      return new Pattern.MatchAs(rng(s), or, name);
    }
    return or;
  }

  private Pattern orPattern() {
    int s = p;
    Pattern first = closedPattern();
    if (!at(VBAR)) {
      return first;
    }
    List<Pattern> ps = new ArrayList<>();
    ps.add(first);
    while (eat(VBAR)) {
      ps.add(closedPattern());
    }
    return new Pattern.MatchOr(rng(s), ps);
  }

  private Pattern closedPattern() {
    enter();
    try {
      return closedPattern0();
    } finally {
      depth--;
    }
  }

  private Pattern closedPattern0() {
    int s = p;
    switch (k[p]) {
      case NUMBER, MINUS, STRING, FSTRING_START, TSTRING_START -> {
        Expr v = literalExprPattern();
        return new Pattern.MatchValue(rng(s), v);
      }
      case LPAR -> {
        advance();
        if (eat(RPAR)) {
          return new Pattern.MatchSequence(rng(s), List.of());
        }
        Pattern first = maybeStarPattern();
        if (at(COMMA)) {
          List<Pattern> ps = new ArrayList<>();
          ps.add(first);
          while (eat(COMMA)) {
            if (at(RPAR)) {
              break;
            }
            ps.add(maybeStarPattern());
          }
          expect(RPAR);
          return new Pattern.MatchSequence(rng(s), ps);
        }
        expect(RPAR);
        if (first instanceof Pattern.MatchStar) {
          return new Pattern.MatchSequence(rng(s), List.of(first));
        }
        return first;
      }
      case LSQB -> {
        advance();
        List<Pattern> ps = new ArrayList<>();
        while (!at(RSQB)) {
          ps.add(maybeStarPattern());
          if (!eat(COMMA)) {
            break;
          }
        }
        expect(RSQB);
        return new Pattern.MatchSequence(rng(s), ps);
      }
      case LBRACE -> {
        return mappingPattern();
      }
      case NAME -> {
        switch (kw[p]) {
          case K_NONEKW -> {
            advance();
            return new Pattern.MatchSingleton(rng(s), ConstantValue.NONE);
          }
          case K_TRUE -> {
            advance();
            return new Pattern.MatchSingleton(rng(s), ConstantValue.TRUE);
          }
          case K_FALSE -> {
            advance();
            return new Pattern.MatchSingleton(rng(s), ConstantValue.FALSE);
          }
          default -> {}
        }
        String name = ident();
        Expr e = null;
        if (at(DOT)) {
          e = new Expr.Name(rng(s), name, ExprContext.Load);
          while (eat(DOT)) {
            String attr = ident();
            e = new Expr.Attribute(rng(s), e, attr, ExprContext.Load);
          }
        }
        if (at(LPAR)) {
          Expr cls = e != null ? e : new Expr.Name(rng(s), name, ExprContext.Load);
          return classPattern(s, cls);
        }
        if (e != null) {
          return new Pattern.MatchValue(rng(s), e);
        }
        return new Pattern.MatchAs(rng(s), null, name.equals("_") ? null : name);
      }
      default -> throw syntaxErrorHere();
    }
  }

  private Expr literalExprPattern() {
    int s = p;
    if (at(STRING) || at(FSTRING_START) || at(TSTRING_START)) {
      return strings();
    }
    Expr left = signedNumber();
    if (at(PLUS) || at(MINUS)) {
      Operator op = at(PLUS) ? Operator.Add : Operator.Sub;
      advance();
      int ns = p;
      if (!at(NUMBER)) {
        throw syntaxErrorHere();
      }
      Expr right = number();
      if (!(((Expr.Constant) right).value() instanceof ConstantValue.Complex)) {
        throw error("imaginary number required in complex literal", right.range());
      }
      return new Expr.BinOp(rng(s), left, op, right);
    }
    return left;
  }

  private Expr signedNumber() {
    int s = p;
    if (eat(MINUS)) {
      if (!at(NUMBER)) {
        throw syntaxErrorHere();
      }
      Expr num = number();
      return new Expr.UnaryOp(rng(s), UnaryOperator.USub, num);
    }
    if (!at(NUMBER)) {
      throw syntaxErrorHere();
    }
    return number();
  }

  private Pattern mappingPattern() {
    int s = p;
    advance();
    List<Expr> keys = new ArrayList<>();
    List<Pattern> values = new ArrayList<>();
    String rest = null;
    while (!at(RBRACE)) {
      if (eat(DOUBLESTAR)) {
        if (atKw(S_UNDERSCORE)) {
          throw syntaxErrorHere();
        }
        rest = ident();
        eat(COMMA);
        break;
      }
      Expr key;
      if (at(NAME) && (kw[p] == K_NONEKW || kw[p] == K_TRUE || kw[p] == K_FALSE)) {
        key = atom();
      } else if (at(NAME)) {
        int ks = p;
        String id = ident();
        Expr e = new Expr.Name(rng(ks), id, ExprContext.Load);
        if (!at(DOT)) {
          throw syntaxErrorHere();
        }
        while (eat(DOT)) {
          String attr = ident();
          e = new Expr.Attribute(rng(ks), e, attr, ExprContext.Load);
        }
        key = e;
      } else {
        key = literalExprPattern();
      }
      expect(COLON);
      keys.add(key);
      values.add(pattern());
      if (!eat(COMMA)) {
        break;
      }
    }
    expect(RBRACE);
    return new Pattern.MatchMapping(rng(s), keys, values, rest);
  }

  private Pattern classPattern(int s, Expr cls) {
    expect(LPAR);
    List<Pattern> ps = new ArrayList<>();
    List<String> kwNames = new ArrayList<>();
    List<Pattern> kwPats = new ArrayList<>();
    while (!at(RPAR)) {
      if (atIdent() && kindAt(p + 1) == EQUAL) {
        kwNames.add(ident());
        advance();
        kwPats.add(pattern());
      } else {
        int ps0 = p;
        Pattern pat = pattern();
        if (!kwNames.isEmpty()) {
          throw error("positional patterns follow keyword patterns", pat.range());
        }
        ps.add(pat);
      }
      if (!eat(COMMA)) {
        break;
      }
    }
    expect(RPAR);
    return new Pattern.MatchClass(rng(s), cls, ps, kwNames, kwPats);
  }
}
