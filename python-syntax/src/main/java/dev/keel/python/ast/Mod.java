package dev.keel.python.ast;

import java.util.List;

/**
 * CPython's {@code mod}: the root of a tree. {@code ast.parse} in exec mode gives a {@link Module}.
 */
public sealed interface Mod extends Node {
  /** A whole file. {@code typeIgnores} is always empty: Keel does not parse type comments. */
  record Module(TextRange range, List<Stmt> body, List<TypeIgnore> typeIgnores) implements Mod {
    public Module {
      body = List.copyOf(body);
      typeIgnores = List.copyOf(typeIgnores);
    }
  }

  /** Interactive input ({@code single} mode). */
  record Interactive(TextRange range, List<Stmt> body) implements Mod {
    public Interactive {
      body = List.copyOf(body);
    }
  }

  /** One expression ({@code eval} mode). */
  record Expression(TextRange range, Expr body) implements Mod {}

  /** A function type comment ({@code func_type} mode). */
  record FunctionType(TextRange range, List<Expr> argtypes, Expr returns) implements Mod {
    public FunctionType {
      argtypes = List.copyOf(argtypes);
    }
  }

  /** CPython's {@code TypeIgnore(int lineno, string tag)}. */
  record TypeIgnore(int lineno, String tag) {}
}
