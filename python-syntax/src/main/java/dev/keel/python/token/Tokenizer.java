package dev.keel.python.token;

import dev.keel.python.source.Comment;
import dev.keel.python.source.SyntaxError;
import java.util.ArrayList;

/**
 * Splits Python source text into the tokens CPython's own tokenizer (3.12 and later, with PEP 701
 * f-strings and PEP 750 t-strings) produces, minus comments and non-logical line breaks.
 *
 * <p>It makes a single pass over the text. Errors are reported in CPython's words; after each one
 * an {@link TokenKind#ERROR} token marks the spot and tokenizing goes on, so the stream always ends
 * with {@link TokenKind#ENDMARKER}. It never throws.
 *
 * <p>Ranges, where CPython's own are not obvious:
 *
 * <ul>
 *   <li>{@code NEWLINE} covers the line break ({@code \n}, {@code \r\n} or {@code \r}); the one
 *       CPython adds when the text does not end with a line break is empty, at the end.
 *   <li>{@code INDENT} covers the indentation of its line; {@code DEDENT} is empty, at the first
 *       token of the line (or at the end of the text).
 *   <li>{@code FSTRING_MIDDLE} / {@code TSTRING_MIDDLE} cover literal text exactly as CPython cuts
 *       it: a doubled brace ends a middle that keeps the first brace of the pair, the second one is
 *       skipped (<code>f"a&#123;&#123;b"</code> gives middles <code>a&#123;</code> and <code>b
 *       </code>); a middle may be empty. The literal value is the source text of the middles,
 *       escapes still to decode unless the string is raw.
 *   <li>{@code <>} is a {@code NOTEQUAL}, as in CPython, whose parser then rejects it.
 *   <li>A lone {@code \r} is a line break, as for CPython's parser (the {@code tokenize} module,
 *       reading lines split at {@code \n}, sees it as an ordinary character).
 * </ul>
 */
public final class Tokenizer {
  private static final int EOF = -1;
  private static final int TAB_SIZE = 8;

  /** CPython's MAXLEVEL: how deeply brackets may nest. */
  private static final int MAX_LEVEL = 200;

  /**
   * How many errors are kept: CPython reports only the first, and garbage (a megabyte of NUL bytes)
   * has one per character. The rest are only counted.
   */
  public static final int MAX_ERRORS = 100;

  /** How often, in steps, the tokenizer looks whether its thread was interrupted. */
  private static final int INTERRUPT_CHECK_STEPS = 1 << 14;

  /** CPython's MAXINDENT. */
  private static final int MAX_INDENT = 100;

  /** CPython's MAXFSTRINGLEVEL. */
  private static final int MAX_FSTRING_LEVEL = 150;

  /** CPython's MAX_EXPR_NESTING: replacement fields nested in format specs. */
  private static final int MAX_EXPR_NESTING = 3;

  private final String text;
  private final int n;

  /** CPython adds a newline at the end of a file that lacks one; it sits at offset {@code n}. */
  private final boolean virtualNewline;

  private final ArrayList<Token> tokens;
  private final ArrayList<Comment> comments = new ArrayList<>();
  private final ArrayList<SyntaxError> errors = new ArrayList<>();
  private int omittedErrors;

  private int pos;
  private boolean atBol = true;

  private final int[] indentCols = new int[MAX_INDENT + 1];
  private final int[] indentAltCols = new int[MAX_INDENT + 1];
  private int indent;

  private int level;

  /**
   * Brackets opened beyond {@link #MAX_LEVEL} and not yet closed: one error for the first, then
   * each is an error token without a message, so that 100,000 brackets are one error, not 100,000.
   */
  private int overflowLevel;

  private final char[] parenChars = new char[MAX_LEVEL];
  private final int[] parenOffsets = new int[MAX_LEVEL];

  // The mode stack: entry 0 is plain code, each f-string or t-string pushes one entry.
  private int mode;
  private final boolean[] modeRegular = new boolean[MAX_FSTRING_LEVEL + 1];
  private final char[] modeQuote = new char[MAX_FSTRING_LEVEL + 1];
  private final int[] modeQuoteSize = new int[MAX_FSTRING_LEVEL + 1];
  private final int[] modeStart = new int[MAX_FSTRING_LEVEL + 1];
  private final boolean[] modeRaw = new boolean[MAX_FSTRING_LEVEL + 1];
  private final boolean[] modeTemplate = new boolean[MAX_FSTRING_LEVEL + 1];
  private final int[] modeCurly = new int[MAX_FSTRING_LEVEL + 1];
  private final int[] modeExprStart = new int[MAX_FSTRING_LEVEL + 1];
  private final boolean[] modeFormatSpec = new boolean[MAX_FSTRING_LEVEL + 1];
  private final int[] modeLevel = new int[MAX_FSTRING_LEVEL + 1];

  // Line numbers are only needed for messages; they are counted lazily and remembered.
  private int lineCountedTo;
  private int lineCount = 1;

  private Tokenizer(String text) {
    this.text = text;
    this.n = text.length();
    char last = n == 0 ? '\n' : text.charAt(n - 1);
    this.virtualNewline = last != '\n' && last != '\r';
    this.tokens = new ArrayList<>(Math.max(16, n / 4));
    modeRegular[0] = true;
  }

  /** Tokenizes {@code text}; never throws. */
  public static Tokens tokenize(String text) {
    Tokenizer t = new Tokenizer(text);
    t.run();
    return new Tokens(t.tokens, t.comments, t.errors, t.omittedErrors);
  }

  private void run() {
    // Every step consumes text or changes state; the bound is a guard against a bug looping.
    long budget = 8L * n + 1000;
    boolean more = true;
    while (more) {
      if ((budget & (INTERRUPT_CHECK_STEPS - 1)) == 0 && Thread.currentThread().isInterrupted()) {
        throw new java.util.concurrent.CancellationException("tokenizing was interrupted");
      }
      if (--budget < 0) {
        error("tokenizer gave up", Math.min(pos, n), n);
        finishAtEof();
        return;
      }
      more = modeRegular[mode] ? normalStep() : fstringStep();
    }
  }

  // ---------------------------------------------------------------- characters

  /** The character at {@code p}, the implicit final newline, or {@link #EOF}. */
  private int ch(int p) {
    if (p < n) {
      return text.charAt(p);
    }
    return p == n && virtualNewline ? '\n' : EOF;
  }

  private static boolean isNewline(int c) {
    return c == '\n' || c == '\r';
  }

  /** Length of the line break at {@code p} (which must be one). */
  private int newlineLength(int p) {
    return p + 1 < n && text.charAt(p) == '\r' && text.charAt(p + 1) == '\n' ? 2 : 1;
  }

  private static boolean isIdentifierStartAscii(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isPotentialIdentifierChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c >= 128;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** 1-based line of {@code offset}, CPython's way ({@code \r\n} is one break). */
  private int lineAt(int offset) {
    offset = Math.min(offset, n);
    if (offset < lineCountedTo) {
      lineCountedTo = 0;
      lineCount = 1;
    }
    for (int i = lineCountedTo; i < offset; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
        lineCount++;
      }
    }
    lineCountedTo = offset;
    return lineCount;
  }

  // ---------------------------------------------------------------- output

  private void emit(TokenKind kind, int start, int end) {
    tokens.add(new Token(kind, Math.min(start, n), Math.min(end, n)));
  }

  private void error(String message, int start, int end) {
    addError(SyntaxError.at(message, Math.min(start, n), Math.min(Math.max(start, end), n)));
  }

  /** Keeps the first {@link #MAX_ERRORS} errors and counts the rest. */
  private void addError(SyntaxError e) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(e);
    } else {
      omittedErrors++;
    }
  }

  private void errorToken(String message, int errStart, int errEnd, int tokStart, int tokEnd) {
    error(message, errStart, errEnd);
    emit(TokenKind.ERROR, tokStart, tokEnd);
  }

  private TokenKind lastKind() {
    return tokens.isEmpty() ? null : tokens.get(tokens.size() - 1).kind();
  }

  // ---------------------------------------------------------------- plain code

  /** Tokenizes from {@code pos} in plain-code mode; false once ENDMARKER is out. */
  private boolean normalStep() {
    boolean blankLine = false;
    if (atBol) {
      atBol = false;
      int bol = pos;
      int col = 0;
      int altCol = 0;
      int contLineCol = 0;
      int c;
      for (; ; ) {
        c = ch(pos);
        if (c == ' ') {
          col++;
          altCol++;
        } else if (c == '\t') {
          col = (col / TAB_SIZE + 1) * TAB_SIZE;
          altCol++;
        } else if (c == '\f') {
          col = 0;
          altCol = 0;
        } else if (c == '\\') {
          contLineCol = contLineCol != 0 ? contLineCol : col;
          if (!continuation()) {
            return true;
          }
          continue;
        } else {
          break;
        }
        pos++;
      }
      if (c == '#' || isNewline(c)) {
        blankLine = true;
      }
      if (!blankLine && level == 0) {
        indentation(
            bol, contLineCol != 0 ? contLineCol : col, contLineCol != 0 ? contLineCol : altCol);
      }
    }

    // Skip spaces.
    int c = ch(pos);
    while (c == ' ' || c == '\t' || c == '\f') {
      c = ch(++pos);
    }
    int start = pos;

    if (c == '#') {
      int p = pos + 1;
      while (p < n) {
        char d = text.charAt(p);
        if (d == '\n' || d == '\r') {
          break;
        }
        p++;
      }
      comments.add(new Comment(start, p));
      pos = p;
      c = ch(pos);
    }

    if (c == EOF) {
      finishAtEof();
      return false;
    }

    if (isIdentifierStartAscii(c) || c >= 128) {
      return nameOrPrefixedString(start);
    }

    if (isNewline(c)) {
      int end = pos + (pos < n ? newlineLength(pos) : 1);
      atBol = true;
      if (!blankLine && level == 0) {
        emit(TokenKind.NEWLINE, pos, end);
      }
      pos = end;
      return true;
    }

    if (c == '.') {
      int c2 = ch(pos + 1);
      if (isDigit(c2)) {
        number(start);
        return true;
      }
      if (c2 == '.' && ch(pos + 2) == '.') {
        pos += 3;
        emit(TokenKind.ELLIPSIS, start, pos);
        return true;
      }
      pos++;
      emit(TokenKind.DOT, start, pos);
      return true;
    }

    if (isDigit(c)) {
      number(start);
      return true;
    }

    if (c == '\'' || c == '"') {
      string(start, pos);
      return true;
    }

    if (c == '\\') {
      continuation();
      return true;
    }

    return operator(start, c);
  }

  /**
   * Checks a backslash at {@code pos} is followed by a line break and skips both; reports the error
   * otherwise. True if tokenizing may go on as if nothing happened.
   */
  private boolean continuation() {
    int backslash = pos;
    int c = ch(pos + 1);
    if (!isNewline(c)) {
      // CPython points at the character after the backslash.
      errorToken(
          "unexpected character after line continuation character",
          backslash + 1,
          backslash + 2,
          backslash,
          backslash + 1);
      pos = backslash + 1;
      return false;
    }
    int after = pos + 1 + (pos + 1 < n ? newlineLength(pos + 1) : 1);
    if (ch(after) == EOF) {
      errorToken("unexpected EOF while parsing", backslash + 1, backslash + 1, backslash, n);
      pos = after;
      return false;
    }
    pos = after;
    return true;
  }

  /** Compares the indentation of a new logical line with the stack; queues INDENT or DEDENTs. */
  private void indentation(int bol, int col, int altCol) {
    int first = pos;
    if (col == indentCols[indent]) {
      if (altCol != indentAltCols[indent]) {
        tabError(bol, first);
      }
    } else if (col > indentCols[indent]) {
      if (indent + 1 >= MAX_INDENT) {
        addError(new SyntaxError("IndentationError", "too many levels of indentation", bol, first));
        emit(TokenKind.ERROR, first, first);
        return;
      }
      boolean inconsistent = altCol <= indentAltCols[indent];
      indent++;
      indentCols[indent] = col;
      indentAltCols[indent] = altCol;
      emit(TokenKind.INDENT, bol, first);
      if (inconsistent) {
        tabError(bol, first);
      }
    } else {
      int dedents = 0;
      while (indent > 0 && col < indentCols[indent]) {
        indent--;
        dedents++;
      }
      for (int i = 0; i < dedents; i++) {
        emit(TokenKind.DEDENT, first, first);
      }
      if (col != indentCols[indent]) {
        addError(
            new SyntaxError(
                "IndentationError",
                "unindent does not match any outer indentation level",
                first,
                first));
        emit(TokenKind.ERROR, first, first);
      } else if (altCol != indentAltCols[indent]) {
        tabError(bol, first);
      }
    }
  }

  private void tabError(int bol, int first) {
    addError(
        new SyntaxError(
            "TabError", "inconsistent use of tabs and spaces in indentation", bol, first));
    emit(TokenKind.ERROR, first, first);
  }

  /** At the end of the text: close what is open, then DEDENTs and ENDMARKER. */
  private void finishAtEof() {
    // CPython stops at too many nested parentheses: it never gets here to see them unclosed.
    if (level > 0 && overflowLevel > 0) {
      level = 0;
    }
    overflowLevel = 0;
    if (level > 0) {
      int at = parenOffsets[level - 1];
      // A bracket opened before an earlier error (an unterminated string that swallowed its
      // closing bracket) is that error's echo: CPython stops at the first error and never sees it.
      if (errors.isEmpty() || errors.get(0).start() < at) {
        errorToken("'" + parenChars[level - 1] + "' was never closed", at, at + 1, n, n);
      } else {
        emit(TokenKind.ERROR, n, n);
      }
      level = 0;
    }
    mode = 0;
    TokenKind last = lastKind();
    if (last != null
        && last != TokenKind.NEWLINE
        && last != TokenKind.DEDENT
        && last != TokenKind.INDENT) {
      emit(TokenKind.NEWLINE, n, n);
    }
    while (indent > 0) {
      indent--;
      emit(TokenKind.DEDENT, n, n);
    }
    emit(TokenKind.ENDMARKER, n, n);
  }

  // ---------------------------------------------------------------- names and string prefixes

  private boolean nameOrPrefixedString(int start) {
    // Process the legal combinations of the prefixes b, r, u, f and t.
    boolean sawB = false;
    boolean sawR = false;
    boolean sawU = false;
    boolean sawF = false;
    boolean sawT = false;
    int p = pos;
    int c = ch(p);
    for (; ; ) {
      if (!(sawB || sawU || sawF || sawT) && (c == 'b' || c == 'B')) {
        sawB = true;
      } else if (!(sawB || sawU || sawR || sawF || sawT) && (c == 'u' || c == 'U')) {
        sawU = true;
      } else if (!(sawR || sawU) && (c == 'r' || c == 'R')) {
        sawR = true;
      } else if (!(sawF || sawB || sawU || sawT) && (c == 'f' || c == 'F')) {
        sawF = true;
      } else if (!(sawT || sawB || sawU || sawF) && (c == 't' || c == 'T')) {
        sawT = true;
      } else {
        break;
      }
      c = ch(++p);
      if (c == '"' || c == '\'') {
        if (sawF || sawT) {
          fstringStart(start, p, sawR, sawT);
        } else {
          string(start, p);
        }
        return true;
      }
    }
    boolean nonAscii = false;
    while (p < n) {
      char d = text.charAt(p);
      if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9') || d == '_') {
        p++;
      } else if (d >= 128) {
        nonAscii = true;
        p++;
      } else {
        break;
      }
    }
    pos = p;
    if (nonAscii) {
      int bad = firstInvalidIdentifierChar(start, p);
      if (bad >= 0) {
        int cp = text.codePointAt(bad);
        int badEnd = bad + Character.charCount(cp);
        String message =
            isPrintable(cp)
                ? String.format("invalid character '%s' (U+%04X)", Character.toString(cp), cp)
                : String.format("invalid non-printable character U+%04X", cp);
        errorToken(message, bad, badEnd, start, p);
        return true;
      }
    }
    emit(TokenKind.NAME, start, p);
    return true;
  }

  /** Offset of the first character that makes {@code text[start, end)} no identifier, or -1. */
  private int firstInvalidIdentifierChar(int start, int end) {
    int i = start;
    boolean first = true;
    while (i < end) {
      int cp = text.codePointAt(i);
      boolean ok = first ? (cp == '_' || isXidStart(cp)) : isXidContinue(cp);
      if (!ok) {
        return i;
      }
      first = false;
      i += Character.charCount(cp);
    }
    return -1;
  }

  static boolean isXidStart(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    }
    return UnicodeIdentifiers.isXidStart(cp);
  }

  static boolean isXidContinue(int cp) {
    if (cp < 128) {
      return isPotentialIdentifierChar(cp);
    }
    return UnicodeIdentifiers.isXidContinue(cp);
  }

  /** Python's {@code str.isprintable} for one character. */
  static boolean isPrintable(int cp) {
    if (cp < 128) {
      return cp >= 0x20 && cp != 0x7f;
    }
    return dev.keel.python.source.PythonUnicode.isPrintable(cp);
  }

  // ---------------------------------------------------------------- numbers

  /** Scans a number starting at {@code start} (a digit, or a '.' before a digit). */
  private void number(int start) {
    int end = scanNumber(start);
    if (end >= 0) {
      pos = end;
      emit(TokenKind.NUMBER, start, end);
    } else {
      // scanNumber left the message and CPython's cursor in numberError / pos.
      int cur = Math.max(pos, start + 1);
      pos = cur;
      errorToken(numberError, numberErrorStart, numberErrorEnd, start, cur);
    }
  }

  private String numberError;
  private int numberErrorStart;
  private int numberErrorEnd;

  /** Fails a number: CPython's cursor is {@code cur} (the caret goes on the char before it). */
  private int numberFail(String message, int cur) {
    numberError = message;
    numberErrorStart = Math.max(0, cur - 1);
    numberErrorEnd = cur;
    pos = cur;
    return -1;
  }

  /** End offset of the number at {@code start}, or -1 after {@link #numberFail}. */
  private int scanNumber(int start) {
    int p = start;
    int c = ch(p);
    if (c == '.') {
      return fraction(p + 1);
    }
    if (c == '0') {
      c = ch(++p);
      if (c == 'x' || c == 'X') {
        c = ch(++p);
        do {
          if (c == '_') {
            c = ch(++p);
          }
          if (!isHexDigit(c)) {
            return numberFail("invalid hexadecimal literal", p);
          }
          do {
            c = ch(++p);
          } while (isHexDigit(c));
        } while (c == '_');
        return endOfNumber(p, "hexadecimal");
      }
      if (c == 'o' || c == 'O' || c == 'b' || c == 'B') {
        boolean octal = c == 'o' || c == 'O';
        char max = octal ? '7' : '1';
        String kind = octal ? "octal" : "binary";
        c = ch(++p);
        do {
          if (c == '_') {
            c = ch(++p);
          }
          if (c < '0' || c > max) {
            if (isDigit(c)) {
              return numberFail("invalid digit '" + (char) c + "' in " + kind + " literal", p + 1);
            }
            return numberFail("invalid " + kind + " literal", p);
          }
          do {
            c = ch(++p);
          } while (c >= '0' && c <= max);
        } while (c == '_');
        if (isDigit(c)) {
          return numberFail("invalid digit '" + (char) c + "' in " + kind + " literal", p + 1);
        }
        return endOfNumber(p, kind);
      }
      // Maybe an old-style octal; in any case '0' itself is fine.
      boolean nonZero = false;
      for (; ; ) {
        if (c == '_') {
          c = ch(++p);
          if (!isDigit(c)) {
            return numberFail("invalid decimal literal", p);
          }
        }
        if (c != '0') {
          break;
        }
        c = ch(++p);
      }
      int zerosEnd = p;
      if (isDigit(c)) {
        nonZero = true;
        p = decimalTail(p);
        if (p < 0) {
          return -1;
        }
        c = ch(p);
      }
      if (c == '.') {
        return fraction(p + 1);
      }
      if (c == 'e' || c == 'E') {
        return exponent(p);
      }
      if (c == 'j' || c == 'J') {
        return endOfNumber(p + 1, "imaginary");
      }
      if (nonZero) {
        numberFail(
            "leading zeros in decimal integer literals are not permitted;"
                + " use an 0o prefix for octal integers",
            p);
        numberErrorStart = start;
        numberErrorEnd = zerosEnd;
        return -1;
      }
      return endOfNumber(p, "decimal");
    }
    p = decimalTail(p);
    if (p < 0) {
      return -1;
    }
    c = ch(p);
    if (c == '.') {
      return fraction(p + 1);
    }
    return afterFraction(p);
  }

  /** Digits (with single underscores between) from {@code p}; the offset after them, or -1. */
  private int decimalTail(int p) {
    for (; ; ) {
      int c = ch(p);
      while (isDigit(c)) {
        c = ch(++p);
      }
      if (c != '_') {
        return p;
      }
      c = ch(++p);
      if (!isDigit(c)) {
        return numberFail("invalid decimal literal", p);
      }
    }
  }

  private int fraction(int p) {
    if (isDigit(ch(p))) {
      p = decimalTail(p);
      if (p < 0) {
        return -1;
      }
    }
    return afterFraction(p);
  }

  private int afterFraction(int p) {
    int c = ch(p);
    if (c == 'e' || c == 'E') {
      return exponent(p);
    }
    if (c == 'j' || c == 'J') {
      return endOfNumber(p + 1, "imaginary");
    }
    return endOfNumber(p, "decimal");
  }

  private int exponent(int p) {
    int e = p;
    int c = ch(++p);
    if (c == '+' || c == '-') {
      c = ch(++p);
      if (!isDigit(c)) {
        return numberFail("invalid decimal literal", p);
      }
    } else if (!isDigit(c)) {
      // "1e" followed by something else: the number ends before the 'e', if that is allowed.
      return endOfNumber(e, "decimal") < 0 ? -1 : e;
    }
    p = decimalTail(p);
    if (p < 0) {
      return -1;
    }
    c = ch(p);
    if (c == 'j' || c == 'J') {
      return endOfNumber(p + 1, "imaginary");
    }
    return endOfNumber(p, "decimal");
  }

  /**
   * CPython's {@code verify_end_of_number}: a number directly followed by a letter is an error,
   * unless the letters start one of the keywords that may follow a number (only a warning).
   */
  private int endOfNumber(int p, String kind) {
    int c = ch(p);
    if (c >= 128 || !isPotentialIdentifierChar(c)) {
      return p;
    }
    boolean keyword =
        switch (c) {
          case 'a' -> lookahead(p + 1, "nd");
          case 'e' -> lookahead(p + 1, "lse");
          case 'f' -> lookahead(p + 1, "or");
          case 'i' -> {
            int c2 = ch(p + 1);
            yield c2 == 'f' || c2 == 'n' || c2 == 's';
          }
          case 'o' -> lookahead(p + 1, "r");
          case 'n' -> lookahead(p + 1, "ot");
          default -> false;
        };
    if (keyword) {
      return p;
    }
    return numberFail("invalid " + kind + " literal", p);
  }

  private boolean lookahead(int p, String rest) {
    for (int i = 0; i < rest.length(); i++) {
      if (ch(p + i) != rest.charAt(i)) {
        return false;
      }
    }
    int after = ch(p + rest.length());
    return !isPotentialIdentifierChar(after) || after == EOF;
  }

  // ---------------------------------------------------------------- strings

  /** Scans a string literal whose prefix starts at {@code start} and quote is at {@code q}. */
  private void string(int start, int q) {
    char quote = text.charAt(q);
    int quoteSize = 1;
    int p = q + 1;
    if (ch(p) == quote) {
      if (ch(p + 1) == quote) {
        quoteSize = 3;
        p += 2;
      } else {
        pos = p + 1;
        emit(TokenKind.STRING, start, pos);
        return;
      }
    }
    boolean escapedQuote = false;
    int endQuote = 0;
    while (endQuote != quoteSize) {
      if (p >= n) {
        unterminatedString(start, p, quote, quoteSize, escapedQuote, true);
        return;
      }
      char c = text.charAt(p++);
      if (c == quote) {
        endQuote++;
        continue;
      }
      endQuote = 0;
      if (c == '\\') {
        if (p < n) {
          char d = text.charAt(p++);
          if (d == quote) {
            escapedQuote = true;
          } else if (d == '\r' && p < n && text.charAt(p) == '\n') {
            p++;
          }
        }
      } else if (quoteSize == 1 && (c == '\n' || c == '\r')) {
        unterminatedString(start, p - 1, quote, quoteSize, escapedQuote, false);
        return;
      }
    }
    pos = p;
    emit(TokenKind.STRING, start, p);
  }

  private void unterminatedString(
      int start, int at, char quote, int quoteSize, boolean escapedQuote, boolean atEof) {
    int detected = lineAt(atEof ? Math.max(0, n - 1) : at);
    pos = at;
    if (mode > 0 && modeQuote[mode] == quote && modeQuoteSize[mode] == quoteSize) {
      // The f-string's own closing quote: a '}' is missing.
      errorToken(prefixOf(mode) + "-string: expecting '}'", start, start + 1, start, at);
      popMode();
      return;
    }
    String message;
    if (quoteSize == 3) {
      message = "unterminated triple-quoted string literal (detected at line " + detected + ")";
    } else if (escapedQuote) {
      message =
          "unterminated string literal (detected at line "
              + detected
              + "); perhaps you escaped the end quote?";
    } else {
      message = "unterminated string literal (detected at line " + detected + ")";
    }
    errorToken(message, start, start + 1, start, at);
  }

  // ---------------------------------------------------------------- f-strings and t-strings

  private char prefixOf(int m) {
    return modeTemplate[m] ? 't' : 'f';
  }

  private void fstringStart(int start, int q, boolean raw, boolean template) {
    char quote = text.charAt(q);
    int quoteSize = ch(q + 1) == quote && ch(q + 2) == quote ? 3 : 1;
    int end = q + quoteSize;
    pos = end;
    if (mode + 1 >= MAX_FSTRING_LEVEL) {
      errorToken("too many nested " + (template ? 't' : 'f') + "-strings", start, end, start, end);
      return;
    }
    emit(template ? TokenKind.TSTRING_START : TokenKind.FSTRING_START, start, end);
    int m = ++mode;
    modeRegular[m] = false;
    modeQuote[m] = quote;
    modeQuoteSize[m] = quoteSize;
    modeStart[m] = start;
    modeRaw[m] = raw;
    modeTemplate[m] = template;
    modeCurly[m] = 0;
    modeExprStart[m] = -1;
    modeFormatSpec[m] = false;
    modeLevel[m] = level;
  }

  private void popMode() {
    level = modeLevel[mode];
    mode--;
  }

  private void enterExpression(int m, int at, boolean leaveFormatSpec) {
    modeExprStart[m]++;
    if (modeExprStart[m] >= MAX_EXPR_NESTING) {
      error(prefixOf(m) + "-string: expressions nested too deeply", at, at + 1);
    }
    modeRegular[m] = true;
    if (leaveFormatSpec) {
      modeFormatSpec[m] = false;
    }
  }

  /** Tokenizes from {@code pos} inside the literal part of an f-string or t-string. */
  private boolean fstringStep() {
    int m = mode;
    TokenKind middle = modeTemplate[m] ? TokenKind.TSTRING_MIDDLE : TokenKind.FSTRING_MIDDLE;
    int start = pos;
    int c0 = ch(start);
    if (c0 == '{' && ch(start + 1) != '{') {
      enterExpression(m, start, false);
      return normalStep();
    }
    char quote = modeQuote[m];
    int quoteSize = modeQuoteSize[m];
    if (c0 == quote && (quoteSize == 1 || (ch(start + 1) == quote && ch(start + 2) == quote))) {
      pos = start + quoteSize;
      emit(modeTemplate[m] ? TokenKind.TSTRING_END : TokenKind.FSTRING_END, start, pos);
      mode--;
      return true;
    }
    boolean raw = modeRaw[m];
    boolean unicodeEscape = false;
    int endQuote = 0;
    int p = start;
    while (endQuote != quoteSize) {
      boolean inFormatSpec = modeFormatSpec[m] && modeExprStart[m] >= 0;
      int c = ch(p);
      if (c == EOF || (quoteSize == 1 && isNewline(c))) {
        if (inFormatSpec && c != EOF) {
          // A newline ends the format spec; the expression part goes on.
          modeRegular[m] = true;
          modeFormatSpec[m] = false;
          pos = p;
          emit(middle, start, p);
          return true;
        }
        int end = Math.min(p, n);
        int detected = lineAt(c == EOF ? Math.max(0, n - 1) : p);
        String kind = prefixOf(m) + "-string literal (detected at line " + detected + ")";
        String message =
            quoteSize == 3 ? "unterminated triple-quoted " + kind : "unterminated " + kind;
        errorToken(message, modeStart[m], modeStart[m] + 1, start, end);
        pos = end;
        popMode();
        return true;
      }
      p++;
      if (c == quote) {
        endQuote++;
        continue;
      }
      endQuote = 0;
      if (c == '{') {
        if (ch(p) != '{' || inFormatSpec) {
          p--;
          enterExpression(m, p, true);
          pos = p;
        } else {
          pos = p + 1; // the middle keeps one brace of the pair
        }
        emit(middle, start, p);
        return true;
      } else if (c == '}') {
        if (unicodeEscape) {
          pos = p;
          emit(middle, start, p);
          return true;
        }
        if (ch(p) == '}' && !inFormatSpec && modeCurly[m] == 0) {
          pos = p + 1;
        } else {
          p--;
          modeRegular[m] = true;
          modeFormatSpec[m] = false;
          pos = p;
        }
        emit(middle, start, p);
        return true;
      } else if (c == '\\') {
        int peek = ch(p);
        if (peek == '\r' && ch(p + 1) == '\n') {
          p++;
          peek = '\n';
        }
        if (peek == '{' || peek == '}') {
          continue;
        }
        if (peek != EOF) {
          p++;
        }
        if (!raw && peek == 'N' && ch(p) == '{') {
          p++;
          unicodeEscape = true;
        }
      }
    }
    p -= quoteSize;
    pos = p;
    emit(middle, start, p);
    return true;
  }

  // ---------------------------------------------------------------- operators and brackets

  private boolean operator(int start, int c) {
    int m = mode;
    boolean inFstringExpr = m > 0 && modeExprStart[m] >= 0;
    if (c == ':' && inFstringExpr && modeCurly[m] - 1 == modeExprStart[m]) {
      pos = start + 1;
      emit(TokenKind.COLON, start, pos);
      modeRegular[m] = false;
      modeFormatSpec[m] = true;
      return true;
    }
    int c2 = ch(start + 1);
    TokenKind kind = twoChars(c, c2);
    if (kind != null) {
      int len = 2;
      int c3 = ch(start + 2);
      if (c3 == '=') {
        TokenKind three =
            switch (kind) {
              case DOUBLESTAR -> TokenKind.DOUBLESTAREQUAL;
              case DOUBLESLASH -> TokenKind.DOUBLESLASHEQUAL;
              case LEFTSHIFT -> TokenKind.LEFTSHIFTEQUAL;
              case RIGHTSHIFT -> TokenKind.RIGHTSHIFTEQUAL;
              default -> null;
            };
        if (three != null) {
          kind = three;
          len = 3;
        }
      }
      pos = start + len;
      emit(kind, start, pos);
      return true;
    }
    switch (c) {
      case '(', '[', '{' -> {
        if (level >= MAX_LEVEL) {
          pos = start + 1;
          if (overflowLevel++ == 0) {
            errorToken("too many nested parentheses", start, start + 1, start, start + 1);
          } else {
            emit(TokenKind.ERROR, start, pos);
          }
          return true;
        }
        parenChars[level] = (char) c;
        parenOffsets[level] = start;
        level++;
        if (m > 0) {
          modeCurly[m]++;
        }
        pos = start + 1;
        emit(c == '(' ? TokenKind.LPAR : c == '[' ? TokenKind.LSQB : TokenKind.LBRACE, start, pos);
        return true;
      }
      case ')', ']', '}' -> {
        return closingBracket(start, (char) c);
      }
      default -> {}
    }
    TokenKind one = oneChar(c);
    pos = start + 1;
    if (one != null) {
      emit(one, start, pos);
      return true;
    }
    if (Character.isHighSurrogate((char) c) && Character.isLowSurrogate((char) ch(pos))) {
      pos++;
    }
    if (!isPrintable(c)) {
      errorToken(
          String.format("invalid non-printable character U+%04X", c), start, pos, start, pos);
    } else {
      errorToken("invalid syntax", start, pos, start, pos);
    }
    return true;
  }

  private boolean closingBracket(int start, char c) {
    int m = mode;
    pos = start + 1;
    if (overflowLevel > 0) {
      overflowLevel--;
      emit(TokenKind.ERROR, start, pos);
      return true;
    }
    TokenKind kind = c == ')' ? TokenKind.RPAR : c == ']' ? TokenKind.RSQB : TokenKind.RBRACE;
    if (m > 0 && modeCurly[m] == 0 && c == '}') {
      errorToken(prefixOf(m) + "-string: single '}' is not allowed", start, start + 1, start, pos);
      modeRegular[m] = false;
      return true;
    }
    if (level == 0) {
      errorToken("unmatched '" + c + "'", start, start + 1, start, pos);
      return true;
    }
    level--;
    char opening = parenChars[level];
    boolean matches =
        (opening == '(' && c == ')')
            || (opening == '[' && c == ']')
            || (opening == '{' && c == '}');
    if (!matches) {
      if (m > 0 && opening == '{' && modeCurly[m] - 1 == modeExprStart[m]) {
        // A stray closer inside a replacement field: report it and leave the field open.
        level++;
        errorToken(prefixOf(m) + "-string: unmatched '" + c + "'", start, start + 1, start, pos);
        return true;
      }
      int openLine = lineAt(parenOffsets[level]);
      String message =
          "closing parenthesis '" + c + "' does not match opening parenthesis '" + opening + "'";
      if (openLine != lineAt(start)) {
        message += " on line " + openLine;
      }
      error(message, start, start + 1);
      kind = TokenKind.ERROR;
    }
    emit(kind, start, pos);
    if (m > 0) {
      modeCurly[m] = Math.max(0, modeCurly[m] - 1);
      if (c == '}' && modeCurly[m] == modeExprStart[m]) {
        modeExprStart[m]--;
        modeRegular[m] = false;
        modeFormatSpec[m] = false;
      }
    }
    return true;
  }

  private static TokenKind twoChars(int c1, int c2) {
    return switch (c1) {
      case '!' -> c2 == '=' ? TokenKind.NOTEQUAL : null;
      case '%' -> c2 == '=' ? TokenKind.PERCENTEQUAL : null;
      case '&' -> c2 == '=' ? TokenKind.AMPEREQUAL : null;
      case '*' -> c2 == '*' ? TokenKind.DOUBLESTAR : c2 == '=' ? TokenKind.STAREQUAL : null;
      case '+' -> c2 == '=' ? TokenKind.PLUSEQUAL : null;
      case '-' -> c2 == '=' ? TokenKind.MINEQUAL : c2 == '>' ? TokenKind.RARROW : null;
      case '/' -> c2 == '/' ? TokenKind.DOUBLESLASH : c2 == '=' ? TokenKind.SLASHEQUAL : null;
      case ':' -> c2 == '=' ? TokenKind.COLONEQUAL : null;
      case '<' ->
          switch (c2) {
            case '<' -> TokenKind.LEFTSHIFT;
            case '=' -> TokenKind.LESSEQUAL;
            case '>' -> TokenKind.NOTEQUAL;
            default -> null;
          };
      case '=' -> c2 == '=' ? TokenKind.EQEQUAL : null;
      case '>' -> c2 == '=' ? TokenKind.GREATEREQUAL : c2 == '>' ? TokenKind.RIGHTSHIFT : null;
      case '@' -> c2 == '=' ? TokenKind.ATEQUAL : null;
      case '^' -> c2 == '=' ? TokenKind.CIRCUMFLEXEQUAL : null;
      case '|' -> c2 == '=' ? TokenKind.VBAREQUAL : null;
      default -> null;
    };
  }

  private static TokenKind oneChar(int c) {
    return switch (c) {
      case '!' -> TokenKind.EXCLAMATION;
      case '%' -> TokenKind.PERCENT;
      case '&' -> TokenKind.AMPER;
      case '*' -> TokenKind.STAR;
      case '+' -> TokenKind.PLUS;
      case ',' -> TokenKind.COMMA;
      case '-' -> TokenKind.MINUS;
      case '/' -> TokenKind.SLASH;
      case ':' -> TokenKind.COLON;
      case ';' -> TokenKind.SEMI;
      case '<' -> TokenKind.LESS;
      case '=' -> TokenKind.EQUAL;
      case '>' -> TokenKind.GREATER;
      case '@' -> TokenKind.AT;
      case '^' -> TokenKind.CIRCUMFLEX;
      case '|' -> TokenKind.VBAR;
      case '~' -> TokenKind.TILDE;
      default -> null;
    };
  }
}
