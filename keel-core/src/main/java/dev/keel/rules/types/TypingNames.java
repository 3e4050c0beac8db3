package dev.keel.rules.types;

import dev.keel.python.ast.Alias;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Stmt;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the names of one module stand for, as far as its own imports say: {@code from typing import
 * Any as A} makes {@code A} mean {@code typing.Any}, {@code import typing as t} makes {@code t.Any}
 * mean it too. {@code typing_extensions} is read as {@code typing}. A stop-gap until the semantic
 * model resolves qualified names for every rule.
 */
final class TypingNames {
  private final Map<String, String> bound = new HashMap<>();

  void add(Stmt.Import imp) {
    for (Alias a : imp.names()) {
      if (a.asname() != null) {
        bound.put(a.asname(), normal(a.name()));
      } else {
        String first =
            a.name().contains(".") ? a.name().substring(0, a.name().indexOf('.')) : a.name();
        bound.put(first, normal(first));
      }
    }
  }

  void add(Stmt.ImportFrom imp) {
    if (imp.level() != 0 || imp.module() == null) {
      return;
    }
    for (Alias a : imp.names()) {
      if (!a.name().equals("*")) {
        bound.put(
            a.asname() != null ? a.asname() : a.name(), normal(imp.module() + "." + a.name()));
      }
    }
  }

  private static String normal(String qualified) {
    if (qualified.equals("typing_extensions") || qualified.startsWith("typing_extensions.")) {
      return "typing" + qualified.substring("typing_extensions".length());
    }
    return qualified;
  }

  /** The qualified name {@code e} refers to, if it is a name or a dotted attribute chain. */
  Optional<String> resolve(Expr e) {
    return switch (e) {
      case Expr.Name n -> Optional.of(bound.getOrDefault(n.id(), n.id()));
      case Expr.Attribute a -> resolve(a.value()).map(base -> normal(base + "." + a.attr()));
      default -> Optional.empty();
    };
  }

  /** Whether {@code e} refers to {@code typing.NAME} (or {@code typing_extensions.NAME}). */
  boolean isTyping(Expr e, String name) {
    return resolve(e).filter(q -> q.equals("typing." + name)).isPresent();
  }
}
