package dev.keel.python.parser;

import static dev.keel.python.token.TokenKind.*;

import dev.keel.python.ast.Alias;
import dev.keel.python.ast.Arg;
import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.BoolOperator;
import dev.keel.python.ast.CmpOp;
import dev.keel.python.ast.Comprehension;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.ExprContext;
import dev.keel.python.ast.Keyword;
import dev.keel.python.ast.MatchCase;
import dev.keel.python.ast.Mod;
import dev.keel.python.ast.Operator;
import dev.keel.python.ast.Pattern;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.python.ast.TypeParam;
import dev.keel.python.ast.UnaryOperator;
import dev.keel.python.ast.WithItem;
import dev.keel.python.source.Comment;
import dev.keel.python.source.LineIndex;
import dev.keel.python.source.SyntaxError;
import dev.keel.python.token.Token;
import dev.keel.python.token.TokenKind;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser over a token list, following CPython's PEG grammar ({@code
 * Grammar/python.gram}) for Python 3.8 to 3.14. Not thread-safe; one instance per parse.
 */
public final class Parser {
  /** Parser nesting limit, mirroring CPython's MAXSTACK as seen from {@code ast.parse}. */
  static final int MAX_DEPTH = 5968;

  /**
   * The deepest tree CPython's {@code ast.parse} turns into objects (its C recursion limit of
   * 10,000, less the frames of the caller), counting the module as 1. A left-associative chain
   * ({@code 1+1+…}, {@code a.b.b…}, {@code f()()…}) builds a deeper tree without deep parsing;
   * CPython then raises RecursionError, and so does Keel, so that no walk of a tree it returns can
   * be deeper than this.
   */
  static final int MAX_TREE_DEPTH = 9997;

  /** CPython 3.13's words when its parser runs out of stack (a MemoryError, no position). */
  public static final String TOO_COMPLEX =
      "Parser stack overflowed - Python source too complex to parse";

  /** CPython 3.13's words when the tree is too deep to turn into objects. */
  public static final String TOO_DEEP = "maximum recursion depth exceeded during ast construction";

  /**
   * Levels of {@link #MAX_DEPTH} an elif chain costs before its first elif (CPython: 5,962 parse).
   */
  private static final int ELIF_CHAIN_BASE = 5;

  /** How many errors are kept; the rest are only counted (CPython reports only the first). */
  public static final int MAX_ERRORS = 100;

  /** How often, in tokens, the parser looks whether its thread was interrupted. */
  private static final int INTERRUPT_CHECK_TOKENS = 1 << 12;

  /**
   * A statement needs its depth measured when it holds more chain links than this, or nests more
   * than this: below both, its tree cannot approach {@link #MAX_TREE_DEPTH}.
   */
  private static final int DEPTH_CHECK_THRESHOLD = 1000;

  // keyword codes
  static final int K_NONE = 0;
  static final int K_FALSE = 1;
  static final int K_NONEKW = 2;
  static final int K_TRUE = 3;
  static final int K_AND = 4;
  static final int K_AS = 5;
  static final int K_ASSERT = 6;
  static final int K_ASYNC = 7;
  static final int K_AWAIT = 8;
  static final int K_BREAK = 9;
  static final int K_CLASS = 10;
  static final int K_CONTINUE = 11;
  static final int K_DEF = 12;
  static final int K_DEL = 13;
  static final int K_ELIF = 14;
  static final int K_ELSE = 15;
  static final int K_EXCEPT = 16;
  static final int K_FINALLY = 17;
  static final int K_FOR = 18;
  static final int K_FROM = 19;
  static final int K_GLOBAL = 20;
  static final int K_IF = 21;
  static final int K_IMPORT = 22;
  static final int K_IN = 23;
  static final int K_IS = 24;
  static final int K_LAMBDA = 25;
  static final int K_NONLOCAL = 26;
  static final int K_NOT = 27;
  static final int K_OR = 28;
  static final int K_PASS = 29;
  static final int K_RAISE = 30;
  static final int K_RETURN = 31;
  static final int K_TRY = 32;
  static final int K_WHILE = 33;
  static final int K_WITH = 34;
  static final int K_YIELD = 35;
  // soft keywords (still identifiers)
  static final int S_MATCH = 64;
  static final int S_CASE = 65;
  static final int S_TYPE = 66;
  static final int S_UNDERSCORE = 67;

  /** Thrown to abandon the current statement after recording nothing; caught by recovery. */
  static final class ParseError extends RuntimeException {
    final SyntaxError error;

    ParseError(SyntaxError error) {
      super(error == null ? "tokenizer error" : error.message(), null, false, false);
      this.error = error;
    }
  }

  private final String src;
  private final Token[] t;
  private final TokenKind[] k;
  private final byte[] kw;
  private final String[] names;
  private final int n;
  private int p;
  private int depth;
  private int deepest;
  private int chainLinks;
  private int statementStart;
  private int omittedErrors;
  private final List<SyntaxError> errors = new ArrayList<>();
  private final List<SyntaxError> tooDeep = new ArrayList<>();
  private final List<Comment> comments;
  private final LineIndex lines;

  /** A parser over {@code tokens} of {@code text}. */
  public Parser(String text, List<Token> tokens, List<Comment> comments) {
    this.src = text;
    this.n = tokens.size();
    this.t = tokens.toArray(new Token[0]);
    this.k = new TokenKind[n];
    this.kw = new byte[n];
    this.names = new String[n];
    this.comments = comments;
    this.lines = new LineIndex(text);
    // One string per distinct identifier, not one per occurrence: trees outlive the parse.
    java.util.HashMap<String, String> interned = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      Token tok = t[i];
      k[i] = tok.kind();
      if (tok.kind() == NAME) {
        String s = text.substring(tok.start(), tok.end());
        for (int j = 0; j < s.length(); j++) {
          if (s.charAt(j) >= 0x80) {
            s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
            break;
          }
        }
        String known = interned.putIfAbsent(s, s);
        names[i] = known != null ? known : s;
        kw[i] = (byte) keyword(s);
      }
    }
  }

  private static int keyword(String s) {
    return switch (s) {
      case "False" -> K_FALSE;
      case "None" -> K_NONEKW;
      case "True" -> K_TRUE;
      case "and" -> K_AND;
      case "as" -> K_AS;
      case "assert" -> K_ASSERT;
      case "async" -> K_ASYNC;
      case "await" -> K_AWAIT;
      case "break" -> K_BREAK;
      case "class" -> K_CLASS;
      case "continue" -> K_CONTINUE;
      case "def" -> K_DEF;
      case "del" -> K_DEL;
      case "elif" -> K_ELIF;
      case "else" -> K_ELSE;
      case "except" -> K_EXCEPT;
      case "finally" -> K_FINALLY;
      case "for" -> K_FOR;
      case "from" -> K_FROM;
      case "global" -> K_GLOBAL;
      case "if" -> K_IF;
      case "import" -> K_IMPORT;
      case "in" -> K_IN;
      case "is" -> K_IS;
      case "lambda" -> K_LAMBDA;
      case "nonlocal" -> K_NONLOCAL;
      case "not" -> K_NOT;
      case "or" -> K_OR;
      case "pass" -> K_PASS;
      case "raise" -> K_RAISE;
      case "return" -> K_RETURN;
      case "try" -> K_TRY;
      case "while" -> K_WHILE;
      case "with" -> K_WITH;
      case "yield" -> K_YIELD;
      case "match" -> S_MATCH;
      case "case" -> S_CASE;
      case "type" -> S_TYPE;
      case "_" -> S_UNDERSCORE;
      default -> K_NONE;
    };
  }

  private int firstErrorToken = -1;

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

  // ---------------------------------------------------------------- token helpers

  private TokenKind kind() {
    return k[p];
  }

  private TokenKind kindAt(int i) {
    return i < n ? k[i] : ENDMARKER;
  }

  private boolean at(TokenKind kind) {
    return k[p] == kind;
  }

  private boolean atKw(int code) {
    return kw[p] == code && k[p] == NAME;
  }

  private boolean kwAt(int i, int code) {
    return i < n && k[i] == NAME && kw[i] == code;
  }

  /** True if the current token is a NAME usable as an identifier (not a hard keyword). */
  private boolean atIdent() {
    return k[p] == NAME && (kw[p] == K_NONE || kw[p] >= S_MATCH);
  }

  private boolean identAt(int i) {
    return i < n && k[i] == NAME && (kw[i] == K_NONE || kw[i] >= S_MATCH);
  }

  private void advance() {
    if (p < n - 1) {
      p++;
      if ((p & (INTERRUPT_CHECK_TOKENS - 1)) == 0 && Thread.currentThread().isInterrupted()) {
        throw new java.util.concurrent.CancellationException("parsing was interrupted");
      }
    }
  }

  private boolean eat(TokenKind kind) {
    if (k[p] == kind) {
      advance();
      return true;
    }
    return false;
  }

  private boolean eatKw(int code) {
    if (k[p] == NAME && kw[p] == code) {
      advance();
      return true;
    }
    return false;
  }

  /** End offset of the last consumed token that is not NEWLINE, INDENT or DEDENT. */
  private int lastEnd() {
    int i = p - 1;
    while (i > 0) {
      TokenKind kk = k[i];
      if (kk != NEWLINE && kk != INDENT && kk != DEDENT) {
        break;
      }
      i--;
    }
    return i >= 0 ? t[i].end() : 0;
  }

  private TextRange rng(int startTok) {
    int s = t[startTok].start();
    int e = lastEnd();
    return new TextRange(s, Math.max(s, e));
  }

  private TextRange tokRange(int i) {
    return new TextRange(t[i].start(), t[i].end());
  }

  private String ident() {
    if (!atIdent()) {
      throw syntaxErrorHere();
    }
    String s = names[p];
    advance();
    return s;
  }

  private ParseError error(String msg, int start, int end) {
    return new ParseError(SyntaxError.at(msg, start, Math.max(start, end)));
  }

  private ParseError error(String msg, TextRange r) {
    return error(msg, r.start(), r.end());
  }

  private ParseError indentationError(String msg, int start, int end) {
    return new ParseError(new SyntaxError("IndentationError", msg, start, Math.max(start, end)));
  }

  private ParseError syntaxErrorHere() {
    Token tok = t[p];
    if (tok.kind() == ERROR
        || (tok.kind() == DEDENT || tok.kind() == INDENT || tok.kind() == NEWLINE)
            && kindAt(p + 1) == ERROR) {
      return new ParseError(null); // the tokenizer already reported it
    }
    if (tok.kind() == INDENT) {
      return unexpectedIndent();
    }
    if (tok.kind() == DEDENT) {
      return indentationError("unexpected unindent", tok.start(), tok.end());
    }
    if (tok.kind() == NEWLINE) {
      int at = newlineStart(p);
      return error("invalid syntax", at, at + 1 <= src.length() ? at + 1 : at);
    }
    return error("invalid syntax", tok.start(), tok.end());
  }

  /** CPython's NEWLINE token starts at a comment that precedes it on the line. */
  private int newlineStart(int i) {
    int from = i > 0 ? t[i - 1].end() : 0;
    int to = t[i].start();
    int lo = 0;
    int hi = comments.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Comment c = comments.get(mid);
      if (c.start() < from) {
        lo = mid + 1;
      } else if (c.start() > to) {
        hi = mid - 1;
      } else {
        return c.start();
      }
    }
    return to;
  }

  private ParseError unexpectedIndent() {
    int at = Math.max(t[p].start(), t[p].end() - 1);
    return indentationError("unexpected indent", at, at);
  }

  private void expect(TokenKind kind) {
    if (!eat(kind)) {
      throw syntaxErrorHere();
    }
  }

  /** CPython's {@code &&':'}: anything but ':' is "expected ':'". */
  private void forcedColon() {
    if (!eat(COLON)) {
      if (at(ERROR) || (at(NEWLINE) || at(DEDENT)) && kindAt(p + 1) == ERROR) {
        throw syntaxErrorHere();
      }
      int at = at(NEWLINE) ? newlineStart(p) : t[p].start();
      throw error("expected ':'", at, Math.max(at, t[p].end()));
    }
  }

  private void expectColon() {
    if (!eat(COLON)) {
      if (at(NEWLINE)) {
        int at = newlineStart(p);
        throw error("expected ':'", at, Math.max(at, t[p].end()));
      }
      throw syntaxErrorHere();
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      depth--;
      // CPython gives no position; the start of the statement says where to look.
      int at = t[statementStart].start();
      throw new ParseError(new SyntaxError("MemoryError", TOO_COMPLEX, at, at));
    }
    if (depth > deepest) {
      deepest = depth;
    }
  }

  // ---------------------------------------------------------------- module and statements

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

  private void record(SyntaxError e) {
    if (e == null) {
      return;
    }
    if (errors.size() >= MAX_ERRORS) {
      omittedErrors++;
      return;
    }
    for (SyntaxError old : errors) {
      if (old.start() == e.start() && old.message().equals(e.message())) {
        return;
      }
    }
    errors.add(e);
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

  private List<Stmt> block(String what, int headerTok) {
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

  /** Where CPython reports a missing indented block: the next token, or the line end at EOF. */
  private int missingBlockAt() {
    int i = p;
    while (i < n - 1 && k[i] == DEDENT) {
      i++;
    }
    return k[i] == ENDMARKER ? endOfLastLine() : t[p].start();
  }

  /** End of the file's last line, where CPython places errors found at end of input. */
  private int endOfLastLine() {
    int e = src.length();
    if (e > 0 && src.charAt(e - 1) == '\n') {
      e--;
    }
    if (e > 0 && src.charAt(e - 1) == '\r') {
      e--;
    }
    return e;
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

  private boolean atStmtEnd() {
    TokenKind kk = k[p];
    return kk == NEWLINE || kk == SEMI || kk == ENDMARKER;
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

  private static final Operator[] AUG = new Operator[TokenKind.values().length];

  static {
    AUG[PLUSEQUAL.ordinal()] = Operator.Add;
    AUG[MINEQUAL.ordinal()] = Operator.Sub;
    AUG[STAREQUAL.ordinal()] = Operator.Mult;
    AUG[ATEQUAL.ordinal()] = Operator.MatMult;
    AUG[SLASHEQUAL.ordinal()] = Operator.Div;
    AUG[PERCENTEQUAL.ordinal()] = Operator.Mod;
    AUG[DOUBLESTAREQUAL.ordinal()] = Operator.Pow;
    AUG[LEFTSHIFTEQUAL.ordinal()] = Operator.LShift;
    AUG[RIGHTSHIFTEQUAL.ordinal()] = Operator.RShift;
    AUG[VBAREQUAL.ordinal()] = Operator.BitOr;
    AUG[CIRCUMFLEXEQUAL.ordinal()] = Operator.BitXor;
    AUG[AMPEREQUAL.ordinal()] = Operator.BitAnd;
    AUG[DOUBLESLASHEQUAL.ordinal()] = Operator.FloorDiv;
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

  /** True if {@code value} is a lone bitwise_or-level expression (CPython's hint condition). */
  private boolean bitwiseOrLevel(Expr value, int startTok) {
    return switch (value) {
      case Expr.Compare c -> false;
      case Expr.BoolOp b -> false;
      case Expr.UnaryOp u -> u.op() != UnaryOperator.Not;
      case Expr.IfExp i -> false;
      case Expr.Lambda l -> false;
      case Expr.Yield y -> false;
      case Expr.YieldFrom y -> false;
      case Expr.Starred st -> false;
      case Expr.Tuple tu -> src.charAt(tu.range().start()) == '(';
      default -> true;
    };
  }

  private Expr assignTarget(Expr e, int startTok, boolean hintable) {
    Expr bad = invalidTarget(e, false);
    if (bad != null) {
      boolean direct =
          bad == e
              || e instanceof Expr.Tuple tu
                  && src.charAt(tu.range().start()) != '('
                  && tu.elts().contains(bad);
      boolean hint =
          hintable
              && direct
              && bitwiseOrLevel(bad, startTok)
              && !(bad instanceof Expr.Tuple
                  || bad instanceof Expr.ListExpr
                  || bad instanceof Expr.GeneratorExp
                  || bad instanceof Expr.Constant c
                      && (c.value() instanceof ConstantValue.Bool
                          || c.value() instanceof ConstantValue.NoneValue));
      if (bad instanceof Expr.Yield && hintable && direct) {
        hint = true;
      }
      if (hint) {
        throw error(
            "cannot assign to " + exprName(bad) + " here. Maybe you meant '==' instead of '='?",
            bad.range());
      }
      throw error("cannot assign to " + exprName(bad), bad.range());
    }
    return withCtx(e, ExprContext.Store);
  }

  /** Converts an expression parsed as a target, reporting CPython's message if invalid. */
  private Expr toTarget(Expr e, ExprContext ctx, int startTok) {
    Expr bad = invalidTarget(e, ctx == ExprContext.Del);
    if (bad != null) {
      throw error(
          (ctx == ExprContext.Del ? "cannot delete " : "cannot assign to ") + exprName(bad),
          bad.range());
    }
    return withCtx(e, ctx);
  }

  private static Expr invalidTarget(Expr e, boolean del) {
    return switch (e) {
      case Expr.Name nm -> null;
      case Expr.Attribute a -> null;
      case Expr.Subscript s -> null;
      case Expr.Starred s -> del ? s : invalidTarget(s.value(), del);
      case Expr.Tuple tu -> {
        for (Expr x : tu.elts()) {
          Expr b = invalidTarget(x, del);
          if (b != null) {
            yield b;
          }
        }
        yield null;
      }
      case Expr.ListExpr l -> {
        for (Expr x : l.elts()) {
          Expr b = invalidTarget(x, del);
          if (b != null) {
            yield b;
          }
        }
        yield null;
      }
      default -> e;
    };
  }

  /** CPython's {@code _PyPegen_get_expr_name}. */
  static String exprName(Expr e) {
    return switch (e) {
      case Expr.Attribute a -> "attribute";
      case Expr.Subscript s -> "subscript";
      case Expr.Starred s -> "starred";
      case Expr.Name nm -> "name";
      case Expr.ListExpr l -> "list";
      case Expr.Tuple tu -> "tuple";
      case Expr.Lambda l -> "lambda";
      case Expr.Call c -> "function call";
      case Expr.BoolOp b -> "expression";
      case Expr.BinOp b -> "expression";
      case Expr.UnaryOp u -> "expression";
      case Expr.GeneratorExp g -> "generator expression";
      case Expr.Yield y -> "yield expression";
      case Expr.YieldFrom y -> "yield expression";
      case Expr.Await a -> "await expression";
      case Expr.ListComp l -> "list comprehension";
      case Expr.SetComp s -> "set comprehension";
      case Expr.DictComp d -> "dict comprehension";
      case Expr.Dict d -> "dict literal";
      case Expr.SetExpr s -> "set display";
      case Expr.JoinedStr j -> "f-string expression";
      case Expr.FormattedValue f -> "f-string expression";
      case Expr.TemplateStr ts -> "t-string expression";
      case Expr.Interpolation i -> "t-string expression";
      case Expr.Constant c ->
          switch (c.value()) {
            case ConstantValue.NoneValue nv -> "None";
            case ConstantValue.Bool b -> b.value() ? "True" : "False";
            case ConstantValue.EllipsisValue el -> "ellipsis";
            default -> "literal";
          };
      case Expr.Compare c -> "comparison";
      case Expr.IfExp i -> "conditional expression";
      case Expr.NamedExpr ne -> "named expression";
      case Expr.Slice s -> "slice";
    };
  }

  /** Rebuilds a target expression with {@code ctx}. */
  static Expr withCtx(Expr e, ExprContext ctx) {
    return switch (e) {
      case Expr.Name nm -> nm.ctx() == ctx ? nm : new Expr.Name(nm.range(), nm.id(), ctx);
      case Expr.Attribute a -> new Expr.Attribute(a.range(), a.value(), a.attr(), ctx);
      case Expr.Subscript s -> new Expr.Subscript(s.range(), s.value(), s.slice(), ctx);
      case Expr.Starred s -> new Expr.Starred(s.range(), withCtx(s.value(), ctx), ctx);
      case Expr.Tuple tu -> new Expr.Tuple(tu.range(), mapCtx(tu.elts(), ctx), ctx);
      case Expr.ListExpr l -> new Expr.ListExpr(l.range(), mapCtx(l.elts(), ctx), ctx);
      default -> e;
    };
  }

  private static List<Expr> mapCtx(List<Expr> elts, ExprContext ctx) {
    List<Expr> out = new ArrayList<>(elts.size());
    for (Expr x : elts) {
      out.add(withCtx(x, ctx));
    }
    return out;
  }

  // ---------------------------------------------------------------- compound statements

  private Stmt ifStmt() {
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

  /** Range from a token to the end of the last statement of the last non-empty list. */
  private TextRange rngEnd(int startTok, List<Stmt> body, List<Stmt> more) {
    return rng(startTok);
  }

  private Stmt whileStmt() {
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

  private Stmt forStmt(int start, boolean async) {
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

  /** The targets of a for loop or comprehension, and its 'in', with CPython's messages. */
  private Expr forTargets(boolean comprehension) {
    int mark = p;
    ParseError targetError = null;
    try {
      Expr target = starTargets();
      if (eatKw(K_IN)) {
        return target;
      }
    } catch (ParseError e) {
      targetError = e;
    }
    if (at(ERROR)) {
      throw syntaxErrorHere();
    }
    int failAt = p;
    // CPython's invalid_for_if_clause / invalid_for_target
    p = mark;
    List<Expr> parts = new ArrayList<>();
    try {
      parts.add(at(STAR) ? starExpression() : bitwiseOr());
      while (eat(COMMA) && !atKw(K_IN)) {
        parts.add(at(STAR) ? starExpression() : bitwiseOr());
      }
    } catch (ParseError e) {
      p = failAt;
      if (targetError != null) {
        throw targetError;
      }
      throw syntaxErrorHere();
    }
    if (atKw(K_IN)) {
      for (Expr x : parts) {
        Expr bad = invalidTarget(x, false);
        if (bad != null) {
          throw error("cannot assign to " + exprName(bad), bad.range());
        }
      }
    }
    if (comprehension) {
      throw error("'in' expected after for-loop variables", tokRange(p));
    }
    p = failAt;
    if (targetError != null) {
      throw targetError;
    }
    throw syntaxErrorHere();
  }

  /** CPython's star_targets: targets separated by commas, stopping before 'in' or '='. */
  private Expr starTargets() {
    int start = p;
    Expr first = starTarget();
    if (!at(COMMA)) {
      return first;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(first);
    while (eat(COMMA)) {
      if (atKw(K_IN) || at(EQUAL) || at(RPAR) || at(COLON)) {
        break;
      }
      elts.add(starTarget());
    }
    return new Expr.Tuple(rng(start), elts, ExprContext.Store);
  }

  private Expr starTarget() {
    int start = p;
    if (eat(STAR)) {
      if (at(STAR)) {
        throw syntaxErrorHere();
      }
      Expr inner = starTarget();
      return new Expr.Starred(rng(start), inner, ExprContext.Store);
    }
    Expr e = primary();
    return toTarget(e, ExprContext.Store, start);
  }

  private Stmt withStmt(int start, boolean async) {
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

  private Stmt tryStmt() {
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

  private Stmt decorated() {
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

  private Stmt functionDef(int start, List<Expr> decorators, boolean async) {
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

  private Stmt classDef(int start, List<Expr> decorators) {
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

  private List<TypeParam> typeParams() {
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
  private Arguments parameters(boolean lambda, int openTok) {
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

  // ---------------------------------------------------------------- match

  private boolean looksLikeMatch() {
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

  private Stmt matchStmt() {
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

  // ---------------------------------------------------------------- expressions

  /** star_expressions: a tuple without parentheses when there are commas. */
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

  private Expr starExpression() {
    if (at(STAR)) {
      int s = p;
      advance();
      Expr v = bitwiseOr();
      return new Expr.Starred(rng(s), v, ExprContext.Load);
    }
    return expression();
  }

  private Expr starNamedExpression() {
    if (at(STAR)) {
      int s = p;
      advance();
      Expr v = bitwiseOr();
      return new Expr.Starred(rng(s), v, ExprContext.Load);
    }
    return namedExpression();
  }

  Expr namedExpression() {
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

  /** Bracket nesting of the expression being parsed (CPython's "forgot a comma" hint). */
  private int brackets;

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

  Expr expression() {
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
  private void callArguments(List<Expr> args, List<Keyword> kws, int lparTok) {
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

  private Expr atom() {
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

  private Expr number() {
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

  private Expr yieldExpr() {
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

  // ---------------------------------------------------------------- strings

  /** One piece of an implicitly concatenated string, before merging. */
  private record Piece(int start, int end, String text, boolean u) {}

  private Expr strings() {
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
