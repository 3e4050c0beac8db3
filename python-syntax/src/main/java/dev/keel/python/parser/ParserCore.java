package dev.keel.python.parser;

import static dev.keel.python.token.TokenKind.*;

import dev.keel.python.ast.Operator;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.python.source.Comment;
import dev.keel.python.source.LineIndex;
import dev.keel.python.source.SyntaxError;
import dev.keel.python.token.Token;
import dev.keel.python.token.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared core of the parser: the token arrays and the cursor over them, the keyword codes, the
 * error helpers and the nesting limits (CPython's MAXSTACK and tree depth). Every other part of the
 * parser extends it; the grammar is split across an inheritance chain ({@code ParserCore} ← {@link
 * StringParser} ← {@link TargetParser} ← {@link ExpressionParser} ← {@link PatternParser} ← {@link
 * CompoundStatementParser} ← {@link Parser}) so that the hot path stays a set of final or private
 * methods on one object: a part calls a rule of a part above it through an abstract method that
 * only {@link Parser} implements, which the JIT binds directly.
 */
abstract class ParserCore {
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
  static final int ELIF_CHAIN_BASE = 5;

  /** How many errors are kept; the rest are only counted (CPython reports only the first). */
  public static final int MAX_ERRORS = 100;

  /** How often, in tokens, the parser looks whether its thread was interrupted. */
  private static final int INTERRUPT_CHECK_TOKENS = 1 << 12;

  /**
   * A statement needs its depth measured when it holds more chain links than this, or nests more
   * than this: below both, its tree cannot approach {@link #MAX_TREE_DEPTH}.
   */
  static final int DEPTH_CHECK_THRESHOLD = 1000;

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

  final String src;
  final Token[] t;
  final TokenKind[] k;
  final byte[] kw;
  final String[] names;
  final int n;
  int p;
  int depth;
  int deepest;
  int chainLinks;
  int statementStart;
  int omittedErrors;
  final List<SyntaxError> errors = new ArrayList<>();
  final List<SyntaxError> tooDeep = new ArrayList<>();
  final List<Comment> comments;
  final LineIndex lines;

  ParserCore(String text, List<Token> tokens, List<Comment> comments) {
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

  int firstErrorToken = -1;

  private TokenKind kind() {
    return k[p];
  }

  final TokenKind kindAt(int i) {
    return i < n ? k[i] : ENDMARKER;
  }

  final boolean at(TokenKind kind) {
    return k[p] == kind;
  }

  final boolean atKw(int code) {
    return kw[p] == code && k[p] == NAME;
  }

  final boolean kwAt(int i, int code) {
    return i < n && k[i] == NAME && kw[i] == code;
  }

  /** True if the current token is a NAME usable as an identifier (not a hard keyword). */
  final boolean atIdent() {
    return k[p] == NAME && (kw[p] == K_NONE || kw[p] >= S_MATCH);
  }

  final boolean identAt(int i) {
    return i < n && k[i] == NAME && (kw[i] == K_NONE || kw[i] >= S_MATCH);
  }

  final void advance() {
    if (p < n - 1) {
      p++;
      if ((p & (INTERRUPT_CHECK_TOKENS - 1)) == 0 && Thread.currentThread().isInterrupted()) {
        throw new java.util.concurrent.CancellationException("parsing was interrupted");
      }
    }
  }

  final boolean eat(TokenKind kind) {
    if (k[p] == kind) {
      advance();
      return true;
    }
    return false;
  }

  final boolean eatKw(int code) {
    if (k[p] == NAME && kw[p] == code) {
      advance();
      return true;
    }
    return false;
  }

  /** End offset of the last consumed token that is not NEWLINE, INDENT or DEDENT. */
  final int lastEnd() {
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

  final TextRange rng(int startTok) {
    int s = t[startTok].start();
    int e = lastEnd();
    return new TextRange(s, Math.max(s, e));
  }

  final TextRange tokRange(int i) {
    return new TextRange(t[i].start(), t[i].end());
  }

  final String ident() {
    if (!atIdent()) {
      throw syntaxErrorHere();
    }
    String s = names[p];
    advance();
    return s;
  }

  final ParseError error(String msg, int start, int end) {
    return new ParseError(SyntaxError.at(msg, start, Math.max(start, end)));
  }

  final ParseError error(String msg, TextRange r) {
    return error(msg, r.start(), r.end());
  }

  final ParseError indentationError(String msg, int start, int end) {
    return new ParseError(new SyntaxError("IndentationError", msg, start, Math.max(start, end)));
  }

  final ParseError syntaxErrorHere() {
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

  final ParseError unexpectedIndent() {
    int at = Math.max(t[p].start(), t[p].end() - 1);
    return indentationError("unexpected indent", at, at);
  }

  final void expect(TokenKind kind) {
    if (!eat(kind)) {
      throw syntaxErrorHere();
    }
  }

  /** CPython's {@code &&':'}: anything but ':' is "expected ':'". */
  final void forcedColon() {
    if (!eat(COLON)) {
      if (at(ERROR) || (at(NEWLINE) || at(DEDENT)) && kindAt(p + 1) == ERROR) {
        throw syntaxErrorHere();
      }
      int at = at(NEWLINE) ? newlineStart(p) : t[p].start();
      throw error("expected ':'", at, Math.max(at, t[p].end()));
    }
  }

  final void expectColon() {
    if (!eat(COLON)) {
      if (at(NEWLINE)) {
        int at = newlineStart(p);
        throw error("expected ':'", at, Math.max(at, t[p].end()));
      }
      throw syntaxErrorHere();
    }
  }

  final void enter() {
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

  final void record(SyntaxError e) {
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

  /** Where CPython reports a missing indented block: the next token, or the line end at EOF. */
  final int missingBlockAt() {
    int i = p;
    while (i < n - 1 && k[i] == DEDENT) {
      i++;
    }
    return k[i] == ENDMARKER ? endOfLastLine() : t[p].start();
  }

  /** End of the file's last line, where CPython places errors found at end of input. */
  final int endOfLastLine() {
    int e = src.length();
    if (e > 0 && src.charAt(e - 1) == '\n') {
      e--;
    }
    if (e > 0 && src.charAt(e - 1) == '\r') {
      e--;
    }
    return e;
  }

  final boolean atStmtEnd() {
    TokenKind kk = k[p];
    return kk == NEWLINE || kk == SEMI || kk == ENDMARKER;
  }

  static final Operator[] AUG = new Operator[TokenKind.values().length];

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

  /** Range from a token to the end of the last statement of the last non-empty list. */
  final TextRange rngEnd(int startTok, List<Stmt> body, List<Stmt> more) {
    return rng(startTok);
  }

  /** Bracket nesting of the expression being parsed (CPython's "forgot a comma" hint). */
  int brackets;
}
