package dev.keel.newcode;

import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.SyntaxChildren;
import dev.keel.python.source.LineIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The definitions of one file with their line spans: which def or class encloses a line, by its
 * qualified name ({@code Class.method}, {@code outer.inner}), or {@code ""} at module level.
 */
public final class Symbols {
  private record Def(int first, int last, String name) {}

  /** A file with nothing in it (or none read): every line is at module level. */
  public static final Symbols NONE = new Symbols(List.of());

  private final List<Def> defs;

  private Symbols(List<Def> defs) {
    this.defs = defs;
  }

  /** The definitions of a Python file's bytes. */
  public static Symbols of(byte[] source) {
    ParseResult parse;
    try {
      parse = PythonParser.onDeepStack(() -> PythonParser.parse(source));
    } catch (RuntimeException | StackOverflowError e) {
      return NONE;
    }
    List<Def> out = new ArrayList<>();
    walk(parse.module(), "", parse.lines(), out);
    return new Symbols(List.copyOf(out));
  }

  private static void walk(Node n, String prefix, LineIndex lines, List<Def> out) {
    SyntaxChildren.forEach(
        n,
        child -> {
          if (child instanceof Expr) {
            return; // lambdas and comprehensions define no symbol a finding is about
          }
          String name =
              switch (child) {
                case Stmt.FunctionDef f -> f.name();
                case Stmt.AsyncFunctionDef f -> f.name();
                case Stmt.ClassDef c -> c.name();
                default -> null;
              };
          if (name == null) {
            walk(child, prefix, lines, out);
            return;
          }
          String qualified = prefix.isEmpty() ? name : prefix + "." + name;
          int first = lines.line(child.range().start());
          int last = lines.line(Math.max(child.range().start(), child.range().end() - 1));
          out.add(new Def(first, last, qualified));
          walk(child, qualified, lines, out);
        });
  }

  /** Every def and class whose lines meet {@code [first, last]}, outermost first. */
  public List<String> touchedBy(int first, int last) {
    List<String> out = new ArrayList<>();
    for (Def d : defs) {
      if (d.first() <= last && first <= d.last()) {
        out.add(d.name());
      }
    }
    return out;
  }

  /** The innermost def or class holding {@code line}, or {@code ""} at module level. */
  public String at(int line) {
    Def best = null;
    for (Def d : defs) {
      if (d.first() <= line && line <= d.last() && (best == null || d.first() >= best.first())) {
        best = d;
      }
    }
    return best == null ? "" : best.name();
  }
}
