package dev.keel.python.parser;

import static dev.keel.python.token.TokenKind.*;

import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.BoolOperator;
import dev.keel.python.ast.CmpOp;
import dev.keel.python.ast.Comprehension;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.ExprContext;
import dev.keel.python.ast.Keyword;
import dev.keel.python.ast.Operator;
import dev.keel.python.ast.UnaryOperator;
import dev.keel.python.source.Comment;
import dev.keel.python.token.Token;
import dev.keel.python.token.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions, from {@code star_expressions} down to atoms: lambdas, boolean and comparison
 * operators, binary operators by precedence, calls and their arguments, subscripts and slices,
 * displays, comprehensions and {@code yield}, with CPython's hints for common mistakes.
 */
abstract class ExpressionParser extends TargetParser {
  ExpressionParser(String text, List<Token> tokens, List<Comment> comments) {
    super(text, tokens, comments);
  }

  /** Implemented in {@link CompoundStatementParser}. */
  abstract Arguments parameters(boolean lambda, int openTok);

  /** star_expressions: a tuple without parentheses when there are commas. */
  @Override
  Expr starExpressions() {
    int start = p;
    Expr first = starExpression();
    if (!at(COMMA)) {
      return first;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(first);
    while (eat(COMMA)) {
      if (!startsExpression()) {
        break;
      }
      elts.add(starExpression());
    }
    return new Expr.Tuple(rng(start), elts, ExprContext.Load);
  }

  private boolean startsExpression() {
    switch (k[p]) {
      case NAME:
        int c = kw[p];
        return c == K_NONE
            || c >= S_MATCH
            || c == K_TRUE
            || c == K_FALSE
            || c == K_NONEKW
            || c == K_NOT
            || c == K_LAMBDA
            || c == K_AWAIT
            || c == K_YIELD;
      case NUMBER,
      STRING,
      FSTRING_START,
      TSTRING_START,
      LPAR,
      LSQB,
      LBRACE,
      MINUS,
      PLUS,
      TILDE,
      STAR,
      ELLIPSIS:
        return true;
      default:
        return false;
    }
  }

  @Override
  Expr starExpression() {
    if (at(STAR)) {
      int s = p;
      advance();
      Expr v = bitwiseOr();
      return new Expr.Starred(rng(s), v, ExprContext.Load);
    }
    return expression();
  }

  final Expr starNamedExpression() {
    if (at(STAR)) {
      int s = p;
      advance();
      Expr v = bitwiseOr();
      return new Expr.Starred(rng(s), v, ExprContext.Load);
    }
    return namedExpression();
  }

  final Expr namedExpression() {
    if (k[p] == NAME && kindAt(p + 1) == COLONEQUAL) {
      int s = p;
      if (!atIdent()) {
        Expr a = atom();
        throw error("cannot use assignment expressions with " + exprName(a), a.range());
      }
      String name = ident();
      Expr target = new Expr.Name(rng(s), name, ExprContext.Store);
      advance();
      Expr value = expression();
      return new Expr.NamedExpr(rng(s), target, value);
    }
    int s = p;
    Expr e = expression();
    if (at(COLONEQUAL)) {
      throw error("cannot use assignment expressions with " + exprName(e), e.range());
    }
    if (at(EQUAL) && !noAssignHint) {
      assignmentHint(e, s);
    }
    return e;
  }

  /** Set while parsing call arguments, where CPython reports '=' differently. */
  private boolean noAssignHint;

  /** CPython's invalid_named_expression: an '=' where a named expression ended. */
  private void assignmentHint(Expr e, int s) {
    int eq = p;
    boolean simpleValue = false;
    int save = p;
    advance();
    if (startsExpression() && !at(STAR)) {
      try {
        Expr v = bitwiseOr();
        simpleValue = !at(EQUAL) && !at(COLONEQUAL);
      } catch (ParseError ignored) {
        simpleValue = false;
      }
    }
    p = save;
    if (!simpleValue) {
      return;
    }
    boolean parenthesized = t[s].kind() == LPAR;
    if (e instanceof Expr.Name && !parenthesized) {
      throw error(
          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
          t[s].start(),
          t[eq].end());
    }
    boolean excluded =
        e instanceof Expr.ListExpr
            || e instanceof Expr.Tuple
            || e instanceof Expr.GeneratorExp
            || e instanceof Expr.Constant c
                && (c.value() instanceof ConstantValue.Bool
                    || c.value() instanceof ConstantValue.NoneValue);
    if (!excluded && bitwiseOrLevel(e, s)) {
      throw error(
          "cannot assign to " + exprName(e) + " here. Maybe you meant '==' instead of '='?",
          e.range());
    }
  }

  /** Throws CPython's "Perhaps you forgot a comma?" if another operand directly follows. */
  private void forgotComma(int s, Expr a) {
    if (brackets == 0 || !startsOperand()) {
      return;
    }
    if (k[s] == NAME && (kw[s] >= S_MATCH || kindAt(s + 1) == STRING)) {
      return;
    }
    int save = p;
    Expr b;
    try {
      b = expression();
    } catch (ParseError e) {
      p = save;
      return;
    }
    throw error("invalid syntax. Perhaps you forgot a comma?", a.range().start(), b.range().end());
  }

  private boolean startsOperand() {
    return switch (k[p]) {
      case NAME -> kw[p] == K_NONE || kw[p] >= S_MATCH || kw[p] <= K_TRUE;
      case NUMBER, STRING, FSTRING_START, TSTRING_START, LBRACE, ELLIPSIS -> true;
      default -> false;
    };
  }

  final Expr expression() {
    enter();
    try {
      if (atKw(K_LAMBDA)) {
        return lambda();
      }
      int s = p;
      Expr body = disjunction();
      if (!atKw(K_IF)) {
        forgotComma(s, body);
      }
      if (atKw(K_IF)) {
        advance();
        Expr test = disjunction();
        if (!eatKw(K_ELSE)) {
          if (atStmtEnd() || at(RPAR) || at(RSQB) || at(RBRACE) || at(COMMA)) {
            throw error("expected 'else' after 'if' expression", t[s].start(), lastEnd());
          }
          throw syntaxErrorHere();
        }
        Expr orelse = expression();
        return new Expr.IfExp(rng(s), test, body, orelse);
      }
      return body;
    } finally {
      depth--;
    }
  }

  private Expr lambda() {
    int s = p;
    advance();
    enter();
    try {
      Arguments args = parameters(true, s);
      expect(COLON);
      Expr body = expression();
      return new Expr.Lambda(rng(s), args, body);
    } finally {
      depth--;
    }
  }

  private Expr disjunction() {
    int s = p;
    Expr first = conjunction();
    if (!atKw(K_OR)) {
      return first;
    }
    List<Expr> values = new ArrayList<>();
    values.add(first);
    while (eatKw(K_OR)) {
      values.add(conjunction());
    }
    return new Expr.BoolOp(rng(s), BoolOperator.Or, values);
  }

  private Expr conjunction() {
    int s = p;
    Expr first = inversion();
    if (!atKw(K_AND)) {
      return first;
    }
    List<Expr> values = new ArrayList<>();
    values.add(first);
    while (eatKw(K_AND)) {
      values.add(inversion());
    }
    return new Expr.BoolOp(rng(s), BoolOperator.And, values);
  }

  private Expr inversion() {
    if (atKw(K_NOT)) {
      int s = p;
      advance();
      enter();
      try {
        Expr operand = inversion();
        return new Expr.UnaryOp(rng(s), UnaryOperator.Not, operand);
      } finally {
        depth--;
      }
    }
    return comparison();
  }

  private Expr comparison() {
    int s = p;
    Expr left = bitwiseOr();
    CmpOp op = compareOp();
    if (op == null) {
      return left;
    }
    List<CmpOp> ops = new ArrayList<>();
    List<Expr> comps = new ArrayList<>();
    while (op != null) {
      ops.add(op);
      comps.add(bitwiseOr());
      op = compareOp();
    }
    return new Expr.Compare(rng(s), left, ops, comps);
  }

  /** Consumes a comparison operator if present. */
  private CmpOp compareOp() {
    switch (k[p]) {
      case EQEQUAL -> {
        advance();
        return CmpOp.Eq;
      }
      case NOTEQUAL -> {
        if (src.charAt(t[p].start()) == '<') {
          return null;
        }
        advance();
        return CmpOp.NotEq;
      }
      case LESS -> {
        advance();
        return CmpOp.Lt;
      }
      case LESSEQUAL -> {
        advance();
        return CmpOp.LtE;
      }
      case GREATER -> {
        advance();
        return CmpOp.Gt;
      }
      case GREATEREQUAL -> {
        advance();
        return CmpOp.GtE;
      }
      case NAME -> {
        switch (kw[p]) {
          case K_IN -> {
            advance();
            return CmpOp.In;
          }
          case K_IS -> {
            advance();
            if (eatKw(K_NOT)) {
              return CmpOp.IsNot;
            }
            return CmpOp.Is;
          }
          case K_NOT -> {
            if (kwAt(p + 1, K_IN)) {
              advance();
              advance();
              return CmpOp.NotIn;
            }
            return null;
          }
          default -> {
            return null;
          }
        }
      }
      default -> {
        return null;
      }
    }
  }

  private static final Operator[] BINOP = new Operator[TokenKind.values().length];
  private static final int[] PREC = new int[TokenKind.values().length];

  static {
    bin(VBAR, Operator.BitOr, 1);
    bin(CIRCUMFLEX, Operator.BitXor, 2);
    bin(AMPER, Operator.BitAnd, 3);
    bin(LEFTSHIFT, Operator.LShift, 4);
    bin(RIGHTSHIFT, Operator.RShift, 4);
    bin(PLUS, Operator.Add, 5);
    bin(MINUS, Operator.Sub, 5);
    bin(STAR, Operator.Mult, 6);
    bin(SLASH, Operator.Div, 6);
    bin(DOUBLESLASH, Operator.FloorDiv, 6);
    bin(PERCENT, Operator.Mod, 6);
    bin(AT, Operator.MatMult, 6);
  }

  private static void bin(TokenKind kind, Operator op, int prec) {
    BINOP[kind.ordinal()] = op;
    PREC[kind.ordinal()] = prec;
  }

  @Override
  Expr bitwiseOr() {
    return binary(1);
  }

  /** Precedence climbing over the left-associative binary operators. */
  private Expr binary(int minPrec) {
    int s = p;
    Expr left = factor();
    while (true) {
      int ord = k[p].ordinal();
      int prec = PREC[ord];
      if (prec < minPrec || prec == 0) {
        return left;
      }
      Operator op = BINOP[ord];
      advance();
      if (atKw(K_NOT) && prec >= 5) {
        throw error("'not' after an operator must be parenthesized", tokRange(p));
      }
      Expr right = binary(prec + 1);
      left = new Expr.BinOp(rng(s), left, op, right);
      chainLinks++;
    }
  }

  private Expr factor() {
    UnaryOperator op =
        switch (k[p]) {
          case PLUS -> UnaryOperator.UAdd;
          case MINUS -> UnaryOperator.USub;
          case TILDE -> UnaryOperator.Invert;
          default -> null;
        };
    if (op == null) {
      return power();
    }
    int s = p;
    advance();
    if (atKw(K_NOT)) {
      throw error("'not' after an operator must be parenthesized", tokRange(p));
    }
    enter();
    try {
      Expr operand = factor();
      return new Expr.UnaryOp(rng(s), op, operand);
    } finally {
      depth--;
    }
  }

  private Expr power() {
    int s = p;
    Expr base = awaitPrimary();
    if (at(DOUBLESTAR)) {
      advance();
      enter();
      enter();
      try {
        Expr exp = factor();
        return new Expr.BinOp(rng(s), base, Operator.Pow, exp);
      } finally {
        depth -= 2;
      }
    }
    return base;
  }

  private Expr awaitPrimary() {
    if (atKw(K_AWAIT)) {
      int s = p;
      advance();
      Expr v = primary();
      return new Expr.Await(rng(s), v);
    }
    return primary();
  }

  @Override
  Expr primary() {
    int s = p;
    Expr e = atom();
    for (; ; chainLinks++) {
      switch (k[p]) {
        case DOT -> {
          advance();
          String attr = ident();
          e = new Expr.Attribute(rng(s), e, attr, ExprContext.Load);
        }
        case LPAR -> {
          int lp = p;
          advance();
          List<Expr> args = new ArrayList<>();
          List<Keyword> kws = new ArrayList<>();
          callArguments(args, kws, lp);
          e = new Expr.Call(rng(s), e, args, kws);
        }
        case LSQB -> {
          advance();
          brackets++;
          Expr slice;
          try {
            slice = slices();
          } finally {
            brackets--;
          }
          expect(RSQB);
          e = new Expr.Subscript(rng(s), e, slice, ExprContext.Load);
        }
        default -> {
          return e;
        }
      }
    }
  }

  /** Arguments after '(' through ')'. */
  final void callArguments(List<Expr> args, List<Keyword> kws, int lparTok) {
    brackets++;
    try {
      callArguments0(args, kws, lparTok);
    } finally {
      brackets--;
    }
  }

  private void callArguments0(List<Expr> args, List<Keyword> kws, int lparTok) {
    boolean seenKeyword = false;
    boolean seenDoubleStar = false;
    String pending = null;
    while (!at(RPAR)) {
      int s = p;
      if (at(STAR)) {
        advance();
        if (!startsExpression() || at(STAR)) {
          if (at(ERROR)) {
            throw syntaxErrorHere();
          }
          throw error("Invalid star expression", tokRange(p));
        }
        Expr v = expression();
        Expr st = new Expr.Starred(rng(s), v, ExprContext.Load);
        if (at(EQUAL)) {
          throw error("cannot assign to iterable argument unpacking", st.range());
        }
        if (seenDoubleStar) {
          throw error(
              "iterable argument unpacking follows keyword argument unpacking",
              t[s - 1].start(),
              st.range().end());
        }
        args.add(st);
      } else if (at(DOUBLESTAR)) {
        advance();
        Expr v = expression();
        if (at(EQUAL)) {
          throw error("cannot assign to keyword argument unpacking", rng(s));
        }
        kws.add(new Keyword(rng(s), null, v));
        seenDoubleStar = true;
      } else if (k[p] == NAME && kindAt(p + 1) == EQUAL) {
        if (!atIdent()) {
          Expr a = atom();
          advance();
          expression();
          throw error("cannot assign to " + exprName(a), t[s].start(), lastEnd());
        }
        String name = ident();
        advance();
        if (at(COMMA) || at(RPAR)) {
          throw error("expected argument value expression", t[s].start(), t[p - 1].end());
        }
        Expr v = expression();
        kws.add(new Keyword(rng(s), name, v));
        seenKeyword = true;
      } else {
        boolean saved = noAssignHint;
        noAssignHint = true;
        Expr e;
        try {
          e = namedExpression();
        } finally {
          noAssignHint = saved;
        }
        if (atKw(K_FOR) || atKw(K_ASYNC) && kwAt(p + 1, K_FOR)) {
          List<Comprehension> gens = comprehensions();
          boolean sole = args.isEmpty() && kws.isEmpty() && at(RPAR);
          if (!sole) {
            throw error("Generator expression must be parenthesized", t[s].start(), lastEnd());
          }
          advance();
          args.add(new Expr.GeneratorExp(rng(lparTok), e, gens));
          return;
        }
        if (at(EQUAL)) {
          advance();
          Expr v = expression();
          throw error(
              "expression cannot contain assignment, perhaps you meant \"==\"?",
              e.range().start(),
              lastEnd());
        }
        if (pending == null && seenDoubleStar) {
          pending = "positional argument follows keyword argument unpacking";
        } else if (pending == null && seenKeyword) {
          pending = "positional argument follows keyword argument";
        }
        args.add(e);
      }
      if (!eat(COMMA)) {
        break;
      }
    }
    if (pending != null) {
      throw error(pending, tokRange(p));
    }
    expect(RPAR);
  }

  private Expr slices() {
    int s = p;
    Expr first = slice();
    if (!at(COMMA)) {
      if (first instanceof Expr.Starred) {
        return new Expr.Tuple(rng(s), List.of(first), ExprContext.Load);
      }
      return first;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(first);
    while (eat(COMMA)) {
      if (at(RSQB)) {
        break;
      }
      elts.add(slice());
    }
    return new Expr.Tuple(rng(s), elts, ExprContext.Load);
  }

  private Expr slice() {
    int s = p;
    if (at(STAR)) {
      advance();
      Expr v;
      try {
        if (at(COLON)) {
          throw syntaxErrorHere();
        }
        v = bitwiseOr();
      } catch (ParseError e) {
        if (e.error != null && e.error.message().equals("invalid syntax")) {
          throw error("Invalid star expression", e.error.start(), e.error.end());
        }
        throw e;
      }
      return new Expr.Starred(rng(s), v, ExprContext.Load);
    }
    Expr lower = null;
    if (!at(COLON)) {
      lower = namedExpression();
      if (!at(COLON)) {
        return lower;
      }
      if (lower instanceof Expr.NamedExpr) {
        throw syntaxErrorHere();
      }
    }
    advance();
    Expr upper = null;
    Expr step = null;
    if (!at(COLON) && !at(COMMA) && !at(RSQB)) {
      upper = expression();
    }
    if (eat(COLON)) {
      if (!at(COMMA) && !at(RSQB)) {
        step = expression();
      }
    }
    return new Expr.Slice(rng(s), lower, upper, step);
  }

  final Expr atom() {
    int s = p;
    switch (k[p]) {
      case NAME -> {
        switch (kw[p]) {
          case K_NONEKW -> {
            advance();
            return new Expr.Constant(rng(s), ConstantValue.NONE, null);
          }
          case K_TRUE -> {
            advance();
            return new Expr.Constant(rng(s), ConstantValue.TRUE, null);
          }
          case K_FALSE -> {
            advance();
            return new Expr.Constant(rng(s), ConstantValue.FALSE, null);
          }
          default -> {}
        }
        String name = ident();
        return new Expr.Name(rng(s), name, ExprContext.Load);
      }
      case NUMBER -> {
        return number();
      }
      case STRING, FSTRING_START, TSTRING_START -> {
        return strings();
      }
      case ELLIPSIS -> {
        advance();
        return new Expr.Constant(rng(s), ConstantValue.ELLIPSIS, null);
      }
      case LPAR -> {
        return parenthesized();
      }
      case LSQB -> {
        return listDisplay();
      }
      case LBRACE -> {
        return braceDisplay();
      }
      default -> throw syntaxErrorHere();
    }
  }

  final Expr number() {
    int s = p;
    Token tok = t[p];
    advance();
    return new Expr.Constant(rng(s), Literals.number(src.substring(tok.start(), tok.end())), null);
  }

  private Expr parenthesized() {
    int s = p;
    advance();
    enter();
    brackets++;
    try {
      if (eat(RPAR)) {
        return new Expr.Tuple(rng(s), List.of(), ExprContext.Load);
      }
      if (atKw(K_YIELD)) {
        Expr y = yieldExpr();
        expect(RPAR);
        return y;
      }
      Expr first = starNamedExpression();
      if (atKw(K_FOR) || atKw(K_ASYNC) && kwAt(p + 1, K_FOR)) {
        if (first instanceof Expr.Starred) {
          throw error("iterable unpacking cannot be used in comprehension", first.range());
        }
        List<Comprehension> gens = comprehensions();
        expect(RPAR);
        return new Expr.GeneratorExp(rng(s), first, gens);
      }
      if (at(COMMA)) {
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (eat(COMMA)) {
          if (at(RPAR)) {
            break;
          }
          elts.add(starNamedExpression());
        }
        expect(RPAR);
        return new Expr.Tuple(rng(s), elts, ExprContext.Load);
      }
      if (!at(RPAR) && first instanceof Expr.Starred) {
        throw syntaxErrorHere();
      }
      expect(RPAR);
      if (first instanceof Expr.Starred) {
        throw error("cannot use starred expression here", first.range());
      }
      return first;
    } finally {
      depth--;
      brackets--;
    }
  }

  private Expr listDisplay() {
    int s = p;
    advance();
    enter();
    brackets++;
    try {
      if (eat(RSQB)) {
        return new Expr.ListExpr(rng(s), List.of(), ExprContext.Load);
      }
      Expr first = starNamedExpression();
      if (atKw(K_FOR) || atKw(K_ASYNC) && kwAt(p + 1, K_FOR)) {
        if (first instanceof Expr.Starred) {
          throw error("iterable unpacking cannot be used in comprehension", first.range());
        }
        List<Comprehension> gens = comprehensions();
        expect(RSQB);
        return new Expr.ListComp(rng(s), first, gens);
      }
      List<Expr> elts = new ArrayList<>();
      elts.add(first);
      while (eat(COMMA)) {
        if (at(RSQB)) {
          break;
        }
        elts.add(starNamedExpression());
      }
      comprehensionTargetHint(elts);
      expect(RSQB);
      return new Expr.ListExpr(rng(s), elts, ExprContext.Load);
    } finally {
      depth--;
      brackets--;
    }
  }

  private Expr braceDisplay() {
    int s = p;
    advance();
    enter();
    brackets++;
    try {
      if (eat(RBRACE)) {
        return new Expr.Dict(rng(s), List.of(), List.of());
      }
      if (at(DOUBLESTAR)) {
        return dictRest(s, new ArrayList<>(), new ArrayList<>());
      }
      Expr first = starNamedExpression();
      if (at(COLON) && !(first instanceof Expr.Starred)) {
        advance();
        Expr value = dictValue();
        if (atKw(K_FOR) || atKw(K_ASYNC) && kwAt(p + 1, K_FOR)) {
          List<Comprehension> gens = comprehensions();
          expect(RBRACE);
          return new Expr.DictComp(rng(s), first, value, gens);
        }
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        keys.add(first);
        values.add(value);
        if (!eat(COMMA)) {
          expect(RBRACE);
          return new Expr.Dict(rng(s), keys, values);
        }
        return dictRest(s, keys, values);
      }
      if (atKw(K_FOR) || atKw(K_ASYNC) && kwAt(p + 1, K_FOR)) {
        if (first instanceof Expr.Starred) {
          throw error("iterable unpacking cannot be used in comprehension", first.range());
        }
        List<Comprehension> gens = comprehensions();
        expect(RBRACE);
        return new Expr.SetComp(rng(s), first, gens);
      }
      List<Expr> elts = new ArrayList<>();
      elts.add(first);
      while (eat(COMMA)) {
        if (at(RBRACE)) {
          break;
        }
        elts.add(starNamedExpression());
      }
      comprehensionTargetHint(elts);
      expect(RBRACE);
      return new Expr.SetExpr(rng(s), elts);
    } finally {
      depth--;
      brackets--;
    }
  }

  /** CPython's "did you forget parentheses around the comprehension target?". */
  private void comprehensionTargetHint(List<Expr> elts) {
    if (elts.size() > 1 && (atKw(K_FOR) || atKw(K_ASYNC) && kwAt(p + 1, K_FOR))) {
      throw error(
          "did you forget parentheses around the comprehension target?",
          elts.get(0).range().start(),
          elts.get(elts.size() - 1).range().end());
    }
  }

  private Expr dictRest(int s, List<Expr> keys, List<Expr> values) {
    while (!at(RBRACE)) {
      if (at(DOUBLESTAR)) {
        int ds = p;
        advance();
        keys.add(null);
        values.add(bitwiseOr());
        if (atKw(K_FOR) || atKw(K_ASYNC) && kwAt(p + 1, K_FOR)) {
          throw error(
              "dict unpacking cannot be used in dict comprehension", t[ds].start(), lastEnd());
        }
      } else {
        Expr key = expression();
        if (!at(COLON)) {
          if (at(COMMA) || at(RBRACE)) {
            throw error("':' expected after dictionary key", key.range());
          }
          throw syntaxErrorHere();
        }
        advance();
        keys.add(key);
        values.add(dictValue());
      }
      if (!eat(COMMA)) {
        break;
      }
    }
    expect(RBRACE);
    return new Expr.Dict(rng(s), keys, values);
  }

  private Expr dictValue() {
    if (at(STAR)) {
      throw error("cannot use a starred expression in a dictionary value", tokRange(p));
    }
    if (at(COMMA) || at(RBRACE)) {
      throw error("expression expected after dictionary key and ':'", tokRange(p - 1));
    }
    return expression();
  }

  private List<Comprehension> comprehensions() {
    List<Comprehension> gens = new ArrayList<>();
    while (atKw(K_FOR) || atKw(K_ASYNC) && kwAt(p + 1, K_FOR)) {
      int s = p;
      boolean async = eatKw(K_ASYNC);
      advance();
      Expr target = forTargets(true);
      Expr iter = disjunction();
      List<Expr> ifs = new ArrayList<>();
      while (atKw(K_IF)) {
        advance();
        ifs.add(disjunction());
      }
      gens.add(new Comprehension(rng(s), target, iter, ifs, async));
    }
    return gens;
  }

  @Override
  Expr yieldExpr() {
    int s = p;
    advance();
    if (eatKw(K_FROM)) {
      Expr v = expression();
      return new Expr.YieldFrom(rng(s), v);
    }
    if (!startsExpression()) {
      return new Expr.Yield(rng(s), null);
    }
    Expr v = starExpressions();
    return new Expr.Yield(rng(s), v);
  }
}
