package dev.keel.python.parser;

import static dev.keel.python.token.TokenKind.*;

import dev.keel.python.ast.Arg;
import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.ExprContext;
import dev.keel.python.ast.Keyword;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.python.ast.TypeParam;
import dev.keel.python.ast.WithItem;
import dev.keel.python.source.Comment;
import dev.keel.python.token.Token;
import dev.keel.python.token.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Compound statements: {@code if}, {@code while}, {@code for}, {@code with}, {@code try}, function
 * and class definitions with their decorators, type parameters and parameter lists (also used by
 * {@code lambda}).
 */
abstract class CompoundStatementParser extends PatternParser {
  CompoundStatementParser(String text, List<Token> tokens, List<Comment> comments) {
    super(text, tokens, comments);
  }

  final Stmt ifStmt() {
    int start = p;
    advance();
    Expr test = namedExpression();
    expectColon();
    List<Stmt> body = block("'if' statement", start);
    if (!atKw(K_ELIF)) {
      List<Stmt> orelse = elseOrElif();
      return new Stmt.If(rngEnd(start, body, orelse), test, body, orelse);
    }
    // CPython's parser starts an elif chain this much deeper than an expression statement.
    for (int i = 0; i < ELIF_CHAIN_BASE; i++) {
      enter();
    }
    try {
      List<Stmt> orelse = elseOrElif();
      return new Stmt.If(rngEnd(start, body, orelse), test, body, orelse);
    } finally {
      depth -= ELIF_CHAIN_BASE;
    }
  }

  private List<Stmt> elseOrElif() {
    if (atKw(K_ELIF)) {
      int s = p;
      advance();
      // CPython parses each elif one rule deeper than the last.
      enter();
      try {
        Expr test = namedExpression();
        expectColon();
        List<Stmt> body = block("'elif' statement", s);
        List<Stmt> orelse = elseOrElif();
        return List.of(new Stmt.If(rngEnd(s, body, orelse), test, body, orelse));
      } finally {
        depth--;
      }
    }
    if (atKw(K_ELSE)) {
      int s = p;
      advance();
      forcedColon();
      return block("'else' statement", s);
    }
    return List.of();
  }

  final Stmt whileStmt() {
    int start = p;
    advance();
    Expr test = namedExpression();
    expectColon();
    List<Stmt> body = block("'while' statement", start);
    List<Stmt> orelse = List.of();
    if (atKw(K_ELSE)) {
      int s = p;
      advance();
      forcedColon();
      orelse = block("'else' statement", s);
    }
    return new Stmt.While(rngEnd(start, body, orelse), test, body, orelse);
  }

  final Stmt forStmt(int start, boolean async) {
    int forTok = p;
    advance();
    Expr target = forTargets(false);
    Expr iter = starExpressions();
    expectColon();
    List<Stmt> body = block("'for' statement", forTok);
    List<Stmt> orelse = List.of();
    if (atKw(K_ELSE)) {
      int s = p;
      advance();
      forcedColon();
      orelse = block("'else' statement", s);
    }
    TextRange r = rngEnd(start, body, orelse);
    return async
        ? new Stmt.AsyncFor(r, target, iter, body, orelse)
        : new Stmt.For(r, target, iter, body, orelse);
  }

  final Stmt withStmt(int start, boolean async) {
    int withTok = p;
    advance();
    List<WithItem> items = null;
    if (at(LPAR)) {
      int mark = p;
      int save = errors.size();
      try {
        items = parenWithItems();
      } catch (ParseError e) {
        if (e.error != null && e.error.message().equals("expected ':'")) {
          throw e;
        }
        items = null;
      }
      if (items == null) {
        p = mark;
        while (errors.size() > save) {
          errors.remove(errors.size() - 1);
        }
      }
    }
    if (items == null) {
      items = new ArrayList<>();
      do {
        items.add(withItem());
      } while (eat(COMMA));
    }
    expectColon();
    List<Stmt> body = block("'with' statement", withTok);
    TextRange r = rngEnd(start, body, List.of());
    return async ? new Stmt.AsyncWith(r, items, body) : new Stmt.With(r, items, body);
  }

  private List<WithItem> parenWithItems() {
    expect(LPAR);
    List<WithItem> items = new ArrayList<>();
    do {
      if (at(RPAR) && !items.isEmpty()) {
        break;
      }
      items.add(withItem());
      if (!at(COMMA) && !at(RPAR)) {
        return null;
      }
    } while (eat(COMMA));
    if (!eat(RPAR)) {
      return null;
    }
    if (at(NEWLINE) && items.stream().anyMatch(w -> w.optionalVars() != null)) {
      throw error("expected ':'", tokRange(p));
    }
    if (!at(COLON)) {
      return null;
    }
    return items;
  }

  private WithItem withItem() {
    int start = p;
    Expr e = expression();
    Expr vars = null;
    if (eatKw(K_AS)) {
      vars = starTarget();
    }
    return new WithItem(rng(start), e, vars);
  }

  final Stmt tryStmt() {
    int start = p;
    advance();
    forcedColon();
    List<Stmt> body = block("'try' statement", start);
    List<ExceptHandler> handlers = new ArrayList<>();
    Boolean star = null;
    while (atKw(K_EXCEPT)) {
      int s = p;
      advance();
      boolean thisStar = eat(STAR);
      if (star != null && star != thisStar) {
        throw error("cannot have both 'except' and 'except*' on the same 'try'", tokRange(s));
      }
      star = thisStar;
      Expr type = null;
      String name = null;
      if (at(NEWLINE)) {
        expectColon();
      }
      if (!at(COLON)) {
        int ts = p;
        type = expression();
        if (at(COMMA)) {
          // PEP 758 (3.14): unparenthesised exception list
          List<Expr> elts = new ArrayList<>();
          elts.add(type);
          while (eat(COMMA)) {
            elts.add(expression());
          }
          type = new Expr.Tuple(rng(ts), elts, ExprContext.Load);
          if (atKw(K_AS)) {
            throw error(
                "multiple exception types must be parenthesized when using 'as'", type.range());
          }
        }
        if (eatKw(K_AS)) {
          name = ident();
        }
      } else if (thisStar) {
        throw error("expected one or more exception types", tokRange(p));
      }
      expectColon();
      List<Stmt> hb = block(thisStar ? "'except*' statement" : "'except' statement", s);
      handlers.add(new ExceptHandler(rngEnd(s, hb, List.of()), type, name, hb));
    }
    List<Stmt> orelse = List.of();
    List<Stmt> fin = List.of();
    if (atKw(K_ELSE)) {
      if (handlers.isEmpty()) {
        throw syntaxErrorHere();
      }
      int s = p;
      advance();
      forcedColon();
      orelse = block("'else' statement", s);
    }
    if (atKw(K_FINALLY)) {
      int s = p;
      advance();
      forcedColon();
      fin = block("'finally' statement", s);
    }
    if (handlers.isEmpty() && fin.isEmpty() && (at(ERROR) || kindAt(p + 1) == ERROR)) {
      throw syntaxErrorHere();
    }
    if (handlers.isEmpty() && fin.isEmpty()) {
      int at = t[p].start();
      if (at(ENDMARKER) || at(DEDENT) || at(NEWLINE)) {
        int i = p;
        while (i < n - 1 && (k[i] == DEDENT || k[i] == NEWLINE)) {
          i++;
        }
        at = k[i] == ENDMARKER ? endOfLastLine() : lastEnd();
      }
      throw error("expected 'except' or 'finally' block", at, at);
    }
    TextRange r = rng(start);
    return Boolean.TRUE.equals(star)
        ? new Stmt.TryStar(r, body, handlers, orelse, fin)
        : new Stmt.Try(r, body, handlers, orelse, fin);
  }

  final Stmt decorated() {
    List<Expr> decorators = new ArrayList<>();
    while (eat(AT)) {
      decorators.add(namedExpression());
      expect(NEWLINE);
    }
    int start = p;
    if (atKw(K_DEF)) {
      return functionDef(start, decorators, false);
    }
    if (atKw(K_CLASS)) {
      return classDef(start, decorators);
    }
    if (atKw(K_ASYNC) && kwAt(p + 1, K_DEF)) {
      advance();
      return functionDef(start, decorators, true);
    }
    throw syntaxErrorHere();
  }

  final Stmt functionDef(int start, List<Expr> decorators, boolean async) {
    int defTok = p;
    advance();
    String name = ident();
    List<TypeParam> tps = List.of();
    if (at(LSQB)) {
      int lsqb = p;
      try {
        tps = typeParams();
      } catch (ParseError e) {
        if (e.error == null || !e.error.message().equals("invalid syntax")) {
          throw e;
        }
        p = lsqb;
        throw error("expected '('", tokRange(p));
      }
    }
    int lp = p;
    if (!at(LPAR)) {
      if (at(ERROR)) {
        throw syntaxErrorHere();
      }
      throw error("expected '('", tokRange(p));
    }
    advance();
    Arguments args = parameters(false, lp);
    expect(RPAR);
    Expr returns = null;
    if (eat(RARROW)) {
      returns = expression();
    }
    forcedColon();
    List<Stmt> body = block("function definition", defTok);
    TextRange r = rngEnd(start, body, List.of());
    return async
        ? new Stmt.AsyncFunctionDef(r, name, args, body, decorators, returns, tps)
        : new Stmt.FunctionDef(r, name, args, body, decorators, returns, tps);
  }

  final Stmt classDef(int start, List<Expr> decorators) {
    int classTok = p;
    advance();
    String name = ident();
    List<TypeParam> tps = at(LSQB) ? typeParams() : List.of();
    List<Expr> bases = new ArrayList<>();
    List<Keyword> keywords = new ArrayList<>();
    if (at(LPAR)) {
      int lp = p;
      advance();
      callArguments(bases, keywords, lp);
      if (bases.size() == 1 && bases.get(0) instanceof Expr.GeneratorExp g) {
        throw error("invalid syntax", g.generators().get(0).range());
      }
    }
    expectColon();
    List<Stmt> body = block("class definition", classTok);
    return new Stmt.ClassDef(
        rngEnd(start, body, List.of()), name, bases, keywords, body, decorators, tps);
  }

  final List<TypeParam> typeParams() {
    expect(LSQB);
    List<TypeParam> out = new ArrayList<>();
    if (at(RSQB)) {
      throw error("Type parameter list cannot be empty", tokRange(p));
    }
    do {
      if (at(RSQB)) {
        break;
      }
      int s = p;
      if (eat(STAR)) {
        String name = ident();
        if (at(COLON)) {
          throw error("cannot use bound with TypeVarTuple", tokRange(p));
        }
        Expr def = eat(EQUAL) ? starExpression() : null;
        out.add(new TypeParam.TypeVarTuple(rng(s), name, def));
      } else if (eat(DOUBLESTAR)) {
        String name = ident();
        if (at(COLON)) {
          throw error("cannot use bound with ParamSpec", tokRange(p));
        }
        Expr def = eat(EQUAL) ? expression() : null;
        out.add(new TypeParam.ParamSpec(rng(s), name, def));
      } else {
        String name = ident();
        Expr bound = eat(COLON) ? expression() : null;
        Expr def = eat(EQUAL) ? expression() : null;
        out.add(new TypeParam.TypeVar(rng(s), name, bound, def));
      }
    } while (eat(COMMA));
    expect(RSQB);
    return out;
  }

  /** Parameters up to (not including) ')' or, for lambdas, ':'. */
  @Override
  Arguments parameters(boolean lambda, int openTok) {
    int start = p;
    List<Arg> posonly = new ArrayList<>();
    List<Arg> args = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    List<Arg> kwonly = new ArrayList<>();
    List<Expr> kwDefaults = new ArrayList<>();
    Arg vararg = null;
    Arg kwarg = null;
    boolean seenSlash = false;
    boolean seenStar = false;
    TokenKind close = lambda ? COLON : RPAR;
    int bareStarTok = -1;
    while (!at(close)) {
      if (at(SLASH)) {
        if (seenSlash) {
          throw error("/ may appear only once", tokRange(p));
        }
        if (seenStar) {
          throw error("/ must be ahead of *", tokRange(p));
        }
        if (args.isEmpty()) {
          if (kindAt(p + 1) != COMMA) {
            throw syntaxErrorHere();
          }
          throw error("at least one argument must precede /", tokRange(p));
        }
        advance();
        if (at(STAR)) {
          throw error("expected comma between / and *", tokRange(p));
        }
        seenSlash = true;
        posonly.addAll(args);
        args.clear();
      } else if (at(STAR)) {
        if (seenStar) {
          throw error("* argument may appear only once", tokRange(p));
        }
        int st = p;
        advance();
        seenStar = true;
        if (at(COMMA) || at(close)) {
          bareStarTok = st;
          if (at(close) || kindAt(p + 1) == close || kindAt(p + 1) == DOUBLESTAR) {
            int where = lambda ? (at(close) ? p : p + 1) : st;
            throw error("named arguments must follow bare *", tokRange(where));
          }
        } else {
          vararg = param(lambda, true);
          if (at(EQUAL)) {
            throw error("var-positional argument cannot have default value", tokRange(p));
          }
        }
      } else if (at(DOUBLESTAR)) {
        advance();
        kwarg = param(lambda, false);
        if (at(EQUAL)) {
          throw error("var-keyword argument cannot have default value", tokRange(p));
        }
        eat(COMMA);
        if (!at(close)) {
          throw error("arguments cannot follow var-keyword argument", tokRange(p));
        }
        break;
      } else {
        Arg a = param(lambda, false);
        Expr def = null;
        if (at(EQUAL)) {
          advance();
          if (at(COMMA) || at(close)) {
            throw error("expected default value expression", tokRange(p - 1));
          }
          def = expression();
        }
        if (seenStar) {
          kwonly.add(a);
          kwDefaults.add(def);
        } else {
          if (def != null) {
            defaults.add(def);
          } else if (!defaults.isEmpty()) {
            throw error("parameter without a default follows parameter with a default", a.range());
          }
          args.add(a);
        }
      }
      if (!eat(COMMA)) {
        break;
      }
    }
    if (!at(close)) {
      if (lambda && at(LPAR) || !lambda && at(COLON) && false) {
        throw syntaxErrorHere();
      }
      throw syntaxErrorHere();
    }
    if (seenStar && vararg == null && kwonly.isEmpty()) {
      throw error("named arguments must follow bare *", tokRange(bareStarTok));
    }
    return new Arguments(
        p > start ? rng(start) : new TextRange(t[p].start(), t[p].start()),
        posonly,
        args,
        vararg,
        kwonly,
        kwDefaults,
        kwarg,
        defaults);
  }

  private Arg param(boolean lambda, boolean star) {
    int s = p;
    if (at(LPAR)) {
      throw error(
          lambda
              ? "Lambda expression parameters cannot be parenthesized"
              : "Function parameters cannot be parenthesized",
          tokRange(p));
    }
    String name = ident();
    Expr ann = null;
    if (!lambda && eat(COLON)) {
      ann = star && at(STAR) ? starExpression() : expression();
    }
    return new Arg(rng(s), name, ann);
  }
}
