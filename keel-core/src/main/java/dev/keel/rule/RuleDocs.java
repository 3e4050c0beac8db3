package dev.keel.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads a rule's Markdown documentation from beside its class. */
final class RuleDocs {
  /** The headings every rule document has, in this order (Ruff's). */
  static final List<String> HEADINGS =
      List.of(
          "What it does", "Why is this bad?", "Example", "Use instead", "Options", "References");

  private RuleDocs() {}

  static String load(Class<?> ruleClass) {
    String resource = ruleClass.getSimpleName() + ".md";
    try (InputStream in = ruleClass.getResourceAsStream(resource)) {
      if (in == null) {
        return "";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
