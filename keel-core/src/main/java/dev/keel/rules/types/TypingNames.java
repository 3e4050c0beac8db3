package dev.keel.rules.types;

import dev.keel.python.ast.Expr;
import dev.keel.rule.FileVisit;
import java.util.Optional;

/**
 * What a name in an annotation stands for, through the module's imports ({@link
 * FileVisit#qualifiedName}): {@code A} after {@code from typing import Any as A}, or {@code t.Any}
 * after {@code import typing as t}, is {@code typing.Any}. {@code typing_extensions} is read as
 * {@code typing}.
 */
final class TypingNames {
  private final FileVisit file;

  TypingNames(FileVisit file) {
    this.file = file;
  }

  /** The qualified name {@code e} refers to, if it is an imported or builtin name. */
  Optional<String> resolve(Expr e) {
    return file.qualifiedName(e).map(TypingNames::normal);
  }

  private static String normal(String qualified) {
    if (qualified.equals("typing_extensions") || qualified.startsWith("typing_extensions.")) {
      return "typing" + qualified.substring("typing_extensions".length());
    }
    return qualified;
  }

  /** Whether {@code e} refers to {@code typing.NAME} (or {@code typing_extensions.NAME}). */
  boolean isTyping(Expr e, String name) {
    return resolve(e).filter(q -> q.equals("typing." + name)).isPresent();
  }
}
