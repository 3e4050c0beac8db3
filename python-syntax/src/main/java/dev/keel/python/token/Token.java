package dev.keel.python.token;

/**
 * One token of the stream the parser reads.
 *
 * @param kind what it is; keywords and soft keywords are {@link TokenKind#NAME}
 * @param start offset of its first character in the decoded text
 * @param end offset one past its last character
 */
public record Token(TokenKind kind, int start, int end) {}
