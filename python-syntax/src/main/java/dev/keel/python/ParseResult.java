package dev.keel.python;

import dev.keel.python.ast.Mod;
import dev.keel.python.source.Comment;
import dev.keel.python.source.LineIndex;
import dev.keel.python.source.SyntaxError;
import java.util.List;

/**
 * The outcome of parsing one file. A file with syntax errors still has a module: statements that
 * parsed are kept, the rest are skipped up to the next statement boundary.
 *
 * @param text the decoded source text; all offsets refer to it
 * @param lines line index over {@code text}
 * @param module the syntax tree
 * @param errors syntax errors in source order; the first is what CPython would report; empty if the
 *     file is valid. At most {@link dev.keel.python.parser.Parser#MAX_ERRORS}: garbage has an error
 *     per character, CPython reports one.
 * @param omittedErrors how many more errors were found and not kept
 * @param comments every {@code #} comment
 */
public record ParseResult(
    String text,
    LineIndex lines,
    Mod.Module module,
    List<SyntaxError> errors,
    int omittedErrors,
    List<Comment> comments) {
  public ParseResult {
    errors = List.copyOf(errors);
    comments = List.copyOf(comments);
  }

  /** A result with every error it found kept. */
  public ParseResult(
      String text,
      LineIndex lines,
      Mod.Module module,
      List<SyntaxError> errors,
      List<Comment> comments) {
    this(text, lines, module, errors, 0, comments);
  }

  /** True if the file has no syntax error. */
  public boolean ok() {
    return errors.isEmpty();
  }
}
