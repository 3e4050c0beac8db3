package dev.keel.python.token;

import dev.keel.python.source.Comment;
import dev.keel.python.source.SyntaxError;
import java.util.List;

/**
 * What the {@link Tokenizer} made of a source text.
 *
 * @param tokens the tokens the parser reads, always ending with {@link TokenKind#ENDMARKER}; where
 *     the text is not valid Python an {@link TokenKind#ERROR} token marks the spot
 * @param comments every {@code #} comment, in order
 * @param errors the problems found, in CPython's words, in order of position; at most {@link
 *     Tokenizer#MAX_ERRORS}
 * @param omittedErrors how many more problems were found and not kept
 */
public record Tokens(
    List<Token> tokens, List<Comment> comments, List<SyntaxError> errors, int omittedErrors) {
  public Tokens {
    tokens = List.copyOf(tokens);
    comments = List.copyOf(comments);
    errors = List.copyOf(errors);
  }
}
