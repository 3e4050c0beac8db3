package dev.keel.python.parser;

import static dev.keel.python.token.TokenKind.*;

import dev.keel.python.ast.Alias;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.ExprContext;
import dev.keel.python.ast.Mod;
import dev.keel.python.ast.Operator;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.python.ast.TypeParam;
import dev.keel.python.source.Comment;
import dev.keel.python.source.LineIndex;
import dev.keel.python.source.SyntaxError;
import dev.keel.python.token.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser over a token list, following CPython's PEG grammar ({@code
 * Grammar/python.gram}) for Python 3.8 to 3.14. Not thread-safe; one instance per parse.
 *
 * <p>This class holds the entry points, the module and its statements (blocks, recovery after an
 * error, the simple statements); the other rules are in the classes it extends, one per area of the
 * grammar, starting at {@link ParserCore}.
 */
public final class Parser extends CompoundStatementParser {
  /** A parser over {@code tokens} of {@code text}. */
  public Parser(String text, List<Token> tokens, List<Comment> comments) {
    super(text, tokens, comments);
  }

  /**
   * Index of the token at which the first error was detected, or -1: CPython reports whichever of
   * this and the tokenizer's first error it meets first in the token stream.
   */
  public int firstErrorToken() {
    return firstErrorToken;
  }

  /**
   * Where a string constant spelled in {@code src[start,end)} holds surrogates written as escapes
   * ({@code '\\ud800\\udc00'} is two code points in Python, one pair in Java), the indices of those
   * chars in its value; null if there are none or the text is not plain string literals.
   */
  public static java.util.BitSet escapedSurrogates(String src, int start, int end) {
    java.util.BitSet b = Literals.escapedSurrogates(src, start, end);
    return b == null || b.isEmpty() ? null : b;
  }

  /** The line index over the text. */
  public LineIndex lines() {
    return lines;
  }

  /** Errors found while parsing, in the order found; at most {@link #MAX_ERRORS}. */
  public List<SyntaxError> errors() {
    return errors;
  }

  /** How many more errors were found than {@link #errors()} holds. */
  public int omittedErrors() {
    return omittedErrors;
  }

  /**
   * Statements left out of the tree because it would be deeper than CPython builds (a
   * RecursionError each, at the statement): CPython reports them only when the file has no syntax
   * error.
   */
  public List<SyntaxError> tooDeep() {
    return tooDeep;
  }

  /** Parses a whole file. */
  public Mod.Module parseModule() {
    List<Stmt> body = new ArrayList<>();
    while (!at(ENDMARKER)) {
      if (at(NEWLINE)) {
        advance();
        continue;
      }
      int before = p;
      statementStart = p;
      deepest = 0;
      chainLinks = 0;
      int parsed = body.size();
      try {
        if (at(INDENT)) {
          throw unexpectedIndent();
        }
        if (at(DEDENT)) {
          advance();
          continue;
        }
        statement(body);
      } catch (ParseError e) {
        depth = 0;
        recover(e, before);
      }
      if (chainLinks > DEPTH_CHECK_THRESHOLD || deepest > DEPTH_CHECK_THRESHOLD) {
        dropTooDeep(body, parsed);
      }
    }
    return new Mod.Module(new TextRange(0, src.length()), body, List.of());
  }

  /** Removes the statements from {@code from} on whose tree, under the module, is too deep. */
  private void dropTooDeep(List<Stmt> body, int from) {
    for (int i = body.size() - 1; i >= from; i--) {
      if (1 + TreeDepth.of(body.get(i)) > MAX_TREE_DEPTH) {
        int at = body.get(i).range().start();
        body.remove(i);
        if (tooDeep.isEmpty()) {
          tooDeep.add(new SyntaxError("RecursionError", TOO_DEEP, at, at));
        } else if (tooDeep.size() < MAX_ERRORS) {
          tooDeep.add(1, new SyntaxError("RecursionError", TOO_DEEP, at, at));
        } else {
          omittedErrors++;
        }
      }
    }
  }

  private void recover(ParseError e, int before) {
    brackets = 0;
    if (e.error != null && errors.isEmpty()) {
      firstErrorToken = p;
    }
    record(e.error);
    if (p == before) {
      advance();
    }
    // skip to the end of the logical line, then over any block that hangs from it
    while (!at(ENDMARKER) && !at(NEWLINE)) {
      if (at(INDENT)) {
        skipBlock();
        return;
      }
      if (at(DEDENT)) {
        return;
      }
      advance();
    }
    eat(NEWLINE);
    if (at(INDENT)) {
      skipBlock();
    }
  }

  private void skipBlock() {
    int level = 0;
    while (!at(ENDMARKER)) {
      if (at(INDENT)) {
        level++;
      } else if (at(DEDENT)) {
        level--;
        if (level == 0) {
          advance();
          return;
        }
      }
      advance();
    }
  }

  private void statement(List<Stmt> out) {
    if (k[p] == NAME) {
      switch (kw[p]) {
        case K_DEF -> {
          out.add(functionDef(p, List.of(), false));
          return;
        }
        case K_CLASS -> {
          out.add(classDef(p, List.of()));
          return;
        }
        case K_IF -> {
          out.add(ifStmt());
          return;
        }
        case K_WHILE -> {
          out.add(whileStmt());
          return;
        }
        case K_FOR -> {
          out.add(forStmt(p, false));
          return;
        }
        case K_WITH -> {
          out.add(withStmt(p, false));
          return;
        }
        case K_TRY -> {
          out.add(tryStmt());
          return;
        }
        case K_ASYNC -> {
          int start = p;
          advance();
          if (atKw(K_DEF)) {
            out.add(functionDef(start, List.of(), true));
          } else if (atKw(K_FOR)) {
            out.add(forStmt(start, true));
          } else if (atKw(K_WITH)) {
            out.add(withStmt(start, true));
          } else {
            throw syntaxErrorHere();
          }
          return;
        }
        case S_MATCH -> {
          if (looksLikeMatch()) {
            out.add(matchStmt());
            return;
          }
        }
        default -> {}
      }
    } else if (k[p] == AT) {
      out.add(decorated());
      return;
    }
    simpleStmts(out);
  }

  @Override
  List<Stmt> block(String what, int headerTok) {
    if (eat(NEWLINE)) {
      if (!at(INDENT)) {
        throw indentationError(
            "expected an indented block after "
                + what
                + " on line "
                + lines.line(t[headerTok].start()),
            missingBlockAt(),
            missingBlockAt());
      }
      advance();
      List<Stmt> body = new ArrayList<>();
      while (!at(DEDENT) && !at(ENDMARKER)) {
        if (at(NEWLINE)) {
          advance();
          continue;
        }
        int before = p;
        int outerDepth = depth;
        try {
          if (at(INDENT)) {
            throw unexpectedIndent();
          }
          statement(body);
        } catch (ParseError e) {
          depth = outerDepth;
          recover(e, before);
        }
      }
      eat(DEDENT);
      return body;
    }
    List<Stmt> body = new ArrayList<>();
    simpleStmts(body);
    return body;
  }

  private void simpleStmts(List<Stmt> out) {
    while (true) {
      out.add(simpleStmt());
      if (eat(SEMI)) {
        if (at(NEWLINE) || at(ENDMARKER)) {
          break;
        }
        continue;
      }
      break;
    }
    if (!eat(NEWLINE)) {
      if (at(ENDMARKER)) {
        return;
      }
      throw syntaxErrorHere();
    }
  }

  private Stmt simpleStmt() {
    int start = p;
    if (k[p] == NAME) {
      switch (kw[p]) {
        case K_PASS -> {
          advance();
          return new Stmt.Pass(rng(start));
        }
        case K_BREAK -> {
          advance();
          return new Stmt.Break(rng(start));
        }
        case K_CONTINUE -> {
          advance();
          return new Stmt.Continue(rng(start));
        }
        case K_RETURN -> {
          advance();
          Expr v = atStmtEnd() ? null : starExpressions();
          return new Stmt.Return(rng(start), v);
        }
        case K_RAISE -> {
          advance();
          Expr exc = null;
          Expr cause = null;
          if (!atStmtEnd()) {
            exc = expression();
            if (eatKw(K_FROM)) {
              cause = expression();
            }
          }
          return new Stmt.Raise(rng(start), exc, cause);
        }
        case K_GLOBAL, K_NONLOCAL -> {
          boolean global = kw[p] == K_GLOBAL;
          advance();
          List<String> ns = new ArrayList<>();
          ns.add(ident());
          while (eat(COMMA)) {
            ns.add(ident());
          }
          return global ? new Stmt.Global(rng(start), ns) : new Stmt.Nonlocal(rng(start), ns);
        }
        case K_DEL -> {
          advance();
          return delStmt(start);
        }
        case K_ASSERT -> {
          advance();
          Expr test = expression();
          Expr msg = eat(COMMA) ? expression() : null;
          return new Stmt.Assert(rng(start), test, msg);
        }
        case K_IMPORT -> {
          return importStmt();
        }
        case K_FROM -> {
          return fromImport();
        }
        case S_TYPE -> {
          if (identAt(p + 1) && (kindAt(p + 2) == EQUAL || kindAt(p + 2) == LSQB)) {
            return typeAlias();
          }
        }
        default -> {}
      }
    }
    return exprOrAssign();
  }

  private Stmt typeAlias() {
    int start = p;
    advance();
    int nameTok = p;
    String name = ident();
    Expr nameExpr = new Expr.Name(tokRange(nameTok), name, ExprContext.Store);
    List<TypeParam> tps = at(LSQB) ? typeParams() : List.of();
    expect(EQUAL);
    Expr value = expression();
    return new Stmt.TypeAlias(rng(start), nameExpr, tps, value);
  }

  private Stmt delStmt(int start) {
    List<Expr> targets = new ArrayList<>();
    while (true) {
      int s = p;
      if (at(STAR)) {
        Expr st = starExpression();
        throw error("cannot delete starred", st.range());
      }
      Expr e = bitwiseOr();
      targets.add(toTarget(e, ExprContext.Del, s));
      if (!eat(COMMA) || atStmtEnd()) {
        break;
      }
    }
    if (!atStmtEnd()) {
      throw syntaxErrorHere();
    }
    return new Stmt.Delete(rng(start), targets);
  }

  private Stmt importStmt() {
    int start = p;
    advance();
    if (atStmtEnd()) {
      throw error("Expected one or more names after 'import'", t[p].start(), t[p].start());
    }
    List<Alias> names = new ArrayList<>();
    do {
      int s = p;
      String name = dottedName();
      String as = null;
      if (eatKw(K_AS)) {
        as = ident();
      }
      names.add(new Alias(rng(s), name, as));
    } while (eat(COMMA));
    if (atKw(K_FROM)) {
      throw error(
          "Did you mean to use 'from ... import ...' instead?", t[start].start(), endOfLine());
    }
    return new Stmt.Import(rng(start), names);
  }

  private String dottedName() {
    String name = ident();
    if (!at(DOT)) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name);
    while (eat(DOT)) {
      sb.append('.').append(ident());
    }
    return sb.toString();
  }

  private Stmt fromImport() {
    int start = p;
    advance();
    int level = 0;
    while (true) {
      if (eat(DOT)) {
        level++;
      } else if (eat(ELLIPSIS)) {
        level += 3;
      } else {
        break;
      }
    }
    String module = null;
    if (!atKw(K_IMPORT)) {
      module = dottedName();
    } else if (level == 0) {
      throw syntaxErrorHere();
    }
    if (!eatKw(K_IMPORT)) {
      throw syntaxErrorHere();
    }
    List<Alias> names = new ArrayList<>();
    if (at(STAR)) {
      int s = p;
      advance();
      names.add(new Alias(rng(s), "*", null));
    } else {
      boolean paren = eat(LPAR);
      if (atStmtEnd()) {
        throw error("Expected one or more names after 'import'", t[p].start(), t[p].start());
      }
      do {
        if (paren && at(RPAR)) {
          break;
        }
        if (!paren && !names.isEmpty() && atStmtEnd()) {
          throw error("trailing comma not allowed without surrounding parentheses", tokRange(p));
        }
        int s = p;
        String name = ident();
        String as = null;
        if (eatKw(K_AS)) {
          as = ident();
        }
        names.add(new Alias(rng(s), name, as));
      } while (eat(COMMA));
      if (paren) {
        expect(RPAR);
      } else if (!atStmtEnd()) {
        if (at(COMMA)) {
          throw error("trailing comma not allowed without surrounding parentheses", tokRange(p));
        }
      }
    }
    return new Stmt.ImportFrom(rng(start), module, names, level);
  }

  private Stmt exprOrAssign() {
    int start = p;
    Expr e = atKw(K_YIELD) ? yieldExpr() : starExpressions();
    if (at(EQUAL)) {
      List<Expr> targets = new ArrayList<>();
      List<Integer> starts = new ArrayList<>();
      targets.add(e);
      starts.add(start);
      Expr value = null;
      while (eat(EQUAL)) {
        int s = p;
        Expr v = atKw(K_YIELD) ? yieldExpr() : starExpressions();
        targets.add(v);
        starts.add(s);
      }
      value = targets.remove(targets.size() - 1);
      starts.remove(starts.size() - 1);
      List<Expr> stored = new ArrayList<>(targets.size());
      boolean hintable = targets.size() == 1 && bitwiseOrLevel(value, start);
      for (int i = 0; i < targets.size(); i++) {
        Expr tg = targets.get(i);
        if ((tg instanceof Expr.Yield || tg instanceof Expr.YieldFrom)
            && t[starts.get(i)].kind() != LPAR) {
          throw error("assignment to yield expression not possible", tg.range());
        }
        stored.add(assignTarget(tg, starts.get(i), hintable && i == 0));
      }
      return new Stmt.Assign(rng(start), stored, value);
    }
    if (at(COLON)) {
      int colon = p;
      boolean simple = e instanceof Expr.Name && t[start].kind() != LPAR;
      advance();
      // CPython names a bad target only when an annotation follows the ':'
      boolean validTarget =
          e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript;
      Expr ann;
      if (validTarget) {
        ann = expression();
      } else {
        try {
          ann = expression();
        } catch (ParseError pe) {
          p = colon;
          throw syntaxErrorHere();
        }
      }
      if (e instanceof Expr.Tuple) {
        throw error("only single target (not tuple) can be annotated", e.range());
      }
      if (e instanceof Expr.ListExpr) {
        throw error("only single target (not list) can be annotated", e.range());
      }
      if (!(e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript)) {
        throw error("illegal target for annotation", e.range());
      }
      Expr target = withCtx(e, ExprContext.Store);
      Expr value = null;
      if (eat(EQUAL)) {
        value = atKw(K_YIELD) ? yieldExpr() : starExpressions();
      }
      if (colon < 0) {
        throw syntaxErrorHere();
      }
      return new Stmt.AnnAssign(rng(start), target, ann, value, simple);
    }
    if (at(COLONEQUAL)) {
      if (e instanceof Expr.Name) {
        throw syntaxErrorHere();
      }
      throw error("cannot use assignment expressions with " + exprName(e), e.range());
    }
    Operator aug = AUG[k[p].ordinal()];
    if (aug != null) {
      if (!(e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript)) {
        throw error(
            "'" + exprName(e) + "' is an illegal expression for augmented assignment", e.range());
      }
      advance();
      Expr value = atKw(K_YIELD) ? yieldExpr() : starExpressions();
      return new Stmt.AugAssign(rng(start), withCtx(e, ExprContext.Store), aug, value);
    }
    if (!atStmtEnd()) {
      // CPython's special hints for common mistakes
      if (e instanceof Expr.Name nm
          && (nm.id().equals("print") || nm.id().equals("exec"))
          && (at(STRING) || at(NAME) || at(NUMBER) || at(FSTRING_START))) {
        throw error(
            "Missing parentheses in call to '" + nm.id() + "'. Did you mean " + nm.id() + "(...)?",
            t[start].start(),
            endOfLine());
      }
      throw syntaxErrorHere();
    }
    return new Stmt.ExprStmt(rng(start), e);
  }

  private int endOfLine() {
    int i = p;
    while (i < n - 1 && k[i] != NEWLINE && k[i] != ENDMARKER) {
      i++;
    }
    int j = i - 1;
    return j >= 0 ? t[j].end() : 0;
  }
}
