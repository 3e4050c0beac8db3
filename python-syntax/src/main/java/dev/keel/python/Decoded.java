package dev.keel.python;

import dev.keel.python.source.SyntaxError;
import java.util.Optional;

/**
 * Source text decoded from the bytes of a file, and why the bytes are not valid Python source if
 * they are not.
 *
 * @param text the decoded text; when {@code error} is present, malformed input is replaced by
 *     U+FFFD so that offsets into the text still point at the right place
 * @param error the decoding problem in CPython's words (bad coding cookie, bytes not valid in the
 *     declared encoding, NUL bytes), if any
 */
public record Decoded(String text, Optional<SyntaxError> error) {
  public Decoded {
    if (text == null || error == null) {
      throw new NullPointerException();
    }
  }
}
