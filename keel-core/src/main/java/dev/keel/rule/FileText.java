package dev.keel.rule;

import dev.keel.python.SourceDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The one way every step turns a project file's bytes into text, so that the parser, project rules,
 * suppression comments, fingerprints and the source lines a reporter shows all read a file alike: a
 * Python module ({@code .py}, {@code .pyi}) as CPython decodes it ({@link SourceDecoder}: a UTF-8
 * byte order mark, else a PEP 263 coding cookie, else UTF-8), any other file as UTF-8 without its
 * byte order mark. Bytes that do not decode become U+FFFD.
 */
public final class FileText {
  private FileText() {}

  /** The text of the file at {@code path} (relative or absolute) whose content is {@code bytes}. */
  public static String decode(String path, byte[] bytes) {
    if (isPythonSource(path)) {
      return SourceDecoder.decode(bytes).text();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static boolean isPythonSource(String path) {
    return path.endsWith(".py") || path.endsWith(".pyi");
  }
}
