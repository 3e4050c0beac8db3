package dev.keel.python;

import dev.keel.python.ast.Mod;
import dev.keel.python.parser.Parser;
import dev.keel.python.source.LineIndex;
import dev.keel.python.source.SyntaxError;
import dev.keel.python.token.Tokenizer;
import dev.keel.python.token.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Entry point: decodes, tokenizes and parses one Python file. Never throws on bad input: syntax
 * errors are reported in {@link ParseResult#errors()} and the statements that did parse are kept.
 */
public final class PythonParser {
  /** Stack size for the fallback thread that handles deeply nested code. */
  private static final long DEEP_STACK_BYTES = 1L << 30;

  private static final String NUL_CHARACTER = "invalid non-printable character U+0000";

  private PythonParser() {}

  /** Decodes {@code source} as CPython would (BOM, coding cookie, UTF-8) and parses it. */
  public static ParseResult parse(byte[] source) {
    Decoded d = SourceDecoder.decode(source);
    ParseResult r = parse(d.text());
    if (d.error().isEmpty()) {
      return r;
    }
    List<SyntaxError> errors = new ArrayList<>();
    SyntaxError decoding = d.error().get();
    errors.add(decoding);
    int omitted = r.omittedErrors();
    if (decoding.message().equals(SourceDecoder.NUL_BYTES)) {
      // CPython stops at the first NUL byte; one finding per NUL says nothing more.
      for (SyntaxError e : r.errors()) {
        if (!e.message().equals(NUL_CHARACTER)) {
          errors.add(e);
        }
      }
      if (errors.size() == 1) {
        omitted = 0;
      }
    } else {
      errors.addAll(r.errors());
    }
    return result(r.text(), r.lines(), r.module(), errors, omitted, r.comments());
  }

  /** Parses already decoded source text. */
  public static ParseResult parse(String text) {
    try {
      return parseHere(text);
    } catch (StackOverflowError deep) {
      // Nesting within CPython's limits can still exceed this thread's stack: parse again on a
      // thread with a deep stack. The parser's own depth limit bounds the recursion there.
      return onDeepStack(() -> parseHere(text));
    }
  }

  /**
   * Runs {@code work} on a thread with a stack deep enough for any input the parser accepts: for
   * parsing, and for any recursive walk of a tree it built (the semantic model's, the dump's).
   */
  public static <T> T onDeepStack(java.util.function.Supplier<T> work) {
    Object[] out = new Object[1];
    // Errors too (out of memory, a stack that still overflows): left uncaught they would print a
    // trace from the thread's default handler and hand the caller a null result.
    Throwable[] failure = new Throwable[1];
    Thread th =
        new Thread(
            null,
            () -> {
              try {
                out[0] = work.get();
              } catch (RuntimeException | Error e) {
                failure[0] = e;
              }
            },
            "keel-deep-stack",
            DEEP_STACK_BYTES);
    th.start();
    try {
      th.join();
    } catch (InterruptedException e) {
      // Whoever interrupted this thread wants the work abandoned: pass it on, and wait for the
      // worker, which stops at its next check, so that nothing runs on behind the caller's back.
      th.interrupt();
      while (th.isAlive()) {
        try {
          th.join();
        } catch (InterruptedException again) {
          th.interrupt();
        }
      }
      Thread.currentThread().interrupt();
      CancellationException c = new CancellationException("interrupted on the deep-stack thread");
      c.initCause(e);
      throw c;
    }
    switch (failure[0]) {
      case null -> {}
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      default -> throw new IllegalStateException(failure[0]);
    }
    @SuppressWarnings("unchecked")
    T result = (T) out[0];
    return result;
  }

  /**
   * After a parser error, CPython tokenizes the rest of the file and reports the first tokenizer
   * error found there instead, except indentation errors, and an unclosed bracket only when it was
   * opened on a line before the parser error.
   */
  private static boolean tokenizerErrorOverrides(
      SyntaxError parserError, SyntaxError tokenizerError, LineIndex lines) {
    if (!tokenizerError.kind().equals("SyntaxError")
        || tokenizerError.message().equals("invalid syntax")
        || parserError.message().equals("unexpected indent")
        || parserError.message().equals("unexpected unindent")) {
      return false;
    }
    if (tokenizerError.message().endsWith("was never closed")) {
      return lines.line(parserError.end()) > lines.line(tokenizerError.start());
    }
    return true;
  }

  private static ParseResult parseHere(String text) {
    Tokens tokens = Tokenizer.tokenize(text);
    Parser parser = new Parser(text, tokens.tokens(), tokens.comments());
    Mod.Module module = parser.parseModule();
    List<SyntaxError> errors = new ArrayList<>();
    int firstErrorTokenIndex = -1;
    List<dev.keel.python.token.Token> toks = tokens.tokens();
    for (int i = 0; i < toks.size(); i++) {
      if (toks.get(i).kind() == dev.keel.python.token.TokenKind.ERROR) {
        firstErrorTokenIndex = i;
        break;
      }
    }
    int parserFirst = parser.firstErrorToken();
    boolean parserFirstWins =
        !parser.errors().isEmpty()
            && (tokens.errors().isEmpty()
                || firstErrorTokenIndex < 0
                || parserFirst >= 0
                    && parserFirst < firstErrorTokenIndex
                    && !tokenizerErrorOverrides(
                        parser.errors().get(0), tokens.errors().get(0), parser.lines()));
    boolean onlyTooDeep = parser.errors().isEmpty() && tokens.errors().isEmpty();
    if (onlyTooDeep) {
      // Only a file that otherwise parses gets CPython's RecursionError.
      errors.addAll(parser.tooDeep());
    } else if (parserFirstWins) {
      errors.add(parser.errors().get(0));
      List<SyntaxError> rest = new ArrayList<>(tokens.errors());
      rest.addAll(parser.errors().subList(1, parser.errors().size()));
      rest.sort(Comparator.comparingInt(SyntaxError::start));
      errors.addAll(rest);
    } else {
      errors.addAll(tokens.errors());
      List<SyntaxError> rest = new ArrayList<>(parser.errors());
      rest.sort(Comparator.comparingInt(SyntaxError::start));
      errors.addAll(rest);
    }
    int omitted =
        tokens.omittedErrors()
            + parser.omittedErrors()
            + (onlyTooDeep ? 0 : parser.tooDeep().size());
    return result(text, parser.lines(), module, errors, omitted, tokens.comments());
  }

  /** Keeps the first {@link Parser#MAX_ERRORS} errors and counts the rest. */
  private static ParseResult result(
      String text,
      LineIndex lines,
      Mod.Module module,
      List<SyntaxError> errors,
      int omitted,
      List<dev.keel.python.source.Comment> comments) {
    if (errors.size() > Parser.MAX_ERRORS) {
      omitted += errors.size() - Parser.MAX_ERRORS;
      errors = errors.subList(0, Parser.MAX_ERRORS);
    }
    return new ParseResult(text, lines, module, errors, omitted, comments);
  }
}
