package dev.keel.metrics;

import dev.keel.python.ParseResult;
import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.MatchCase;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.python.source.LineIndex;
import java.util.ArrayList;
import java.util.List;

/** Measures the functions and methods of a module. */
public final class Callables {
  private Callables() {}

  /** Every function and method of the module, nested ones included, in source order. */
  public static List<CallableMetrics> measureAll(ParseResult parse) {
    List<CallableMetrics> out = new ArrayList<>();
    collect(parse.module().body(), new ArrayList<>(), parse, out);
    return out;
  }

  /** Measures one def, whose enclosing nodes are {@code ancestors} (outermost first). */
  public static CallableMetrics measure(FunctionSyntax def, ParseResult parse) {
    String text = parse.text();
    TextRange nameRange = nameRange(def, text);
    int[] lines = lines(def, nameRange, parse.lines());
    int slots = 0;
    int annotated = 0;
    for (FunctionSyntax.Parameter p : def.parameters()) {
      slots++;
      if (p.arg().annotation() != null) {
        annotated++;
      }
    }
    if (def.expectsReturnAnnotation()) {
      slots++;
      if (def.returns() != null) {
        annotated++;
      }
    }
    Nesting.Result nesting = Nesting.of(def.body(), text);
    return new CallableMetrics(
        def.qualifiedName(),
        lines[0],
        lines[1],
        RadonComplexity.of(def.body()),
        lines[1] - lines[0] + 1,
        parameterCount(def),
        slots,
        annotated,
        nesting.depth(),
        nesting.deepest(),
        nameRange);
  }

  /**
   * The first line (the line of {@code def NAME}, which is CPython's {@code lineno}) and the last
   * line of a def whose name is at {@code nameRange}.
   */
  public static int[] lines(FunctionSyntax def, TextRange nameRange, LineIndex lines) {
    TextRange r = def.node().range();
    return new int[] {lines.line(nameRange.start()), lines.line(Math.max(r.start(), r.end() - 1))};
  }

  /**
   * The named parameters of a def: {@code *args}, {@code **kwargs} and the receiver not counted.
   */
  public static int parameterCount(FunctionSyntax def) {
    // As def.parameters() would count them, without building the list.
    Arguments a = def.args();
    int positional = a.posonlyargs().size() + a.args().size();
    int receiver = positional > 0 && def.receiver().isPresent() ? 1 : 0;
    return positional - receiver + a.kwonlyargs().size();
  }

  /**
   * Where {@code def NAME} (or {@code async def NAME}) is: after the decorators, skipping blank
   * lines, comments and line continuations between them and the keyword.
   */
  public static TextRange nameRange(FunctionSyntax def, String text) {
    int pos = def.node().range().start();
    for (int i = 0, size = def.decorators().size(); i < size; i++) {
      Expr d = def.decorators().get(i);
      pos = Math.max(pos, d.range().end());
    }
    int end = def.node().range().end();
    pos = skipTrivia(text, pos, end);
    int keyword = pos;
    if (text.startsWith("async", pos)) {
      pos = skipTrivia(text, pos + 5, end);
    }
    if (text.startsWith("def", pos)) {
      pos = skipTrivia(text, pos + 3, end);
    }
    if (text.startsWith(def.name(), pos)) {
      return new TextRange(keyword, pos + def.name().length());
    }
    return new TextRange(keyword, Math.min(end, keyword + 3));
  }

  private static int skipTrivia(String text, int pos, int end) {
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\\' || c == ')') {
        pos++;
      } else if (c == '#') {
        while (pos < end && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
          pos++;
        }
      } else {
        break;
      }
    }
    return pos;
  }

  private static void collect(
      List<Stmt> body, List<Node> ancestors, ParseResult parse, List<CallableMetrics> out) {
    for (Stmt s : body) {
      FunctionSyntax.of(s, ancestors).ifPresent(def -> out.add(measure(def, parse)));
      ancestors.add(s);
      switch (s) {
        case Stmt.FunctionDef f -> collect(f.body(), ancestors, parse, out);
        case Stmt.AsyncFunctionDef f -> collect(f.body(), ancestors, parse, out);
        case Stmt.ClassDef c -> collect(c.body(), ancestors, parse, out);
        case Stmt.If i -> {
          collect(i.body(), ancestors, parse, out);
          collect(i.orelse(), ancestors, parse, out);
        }
        case Stmt.For f -> {
          collect(f.body(), ancestors, parse, out);
          collect(f.orelse(), ancestors, parse, out);
        }
        case Stmt.AsyncFor f -> {
          collect(f.body(), ancestors, parse, out);
          collect(f.orelse(), ancestors, parse, out);
        }
        case Stmt.While w -> {
          collect(w.body(), ancestors, parse, out);
          collect(w.orelse(), ancestors, parse, out);
        }
        case Stmt.With w -> collect(w.body(), ancestors, parse, out);
        case Stmt.AsyncWith w -> collect(w.body(), ancestors, parse, out);
        case Stmt.Try t ->
            tryBlock(t.body(), t.handlers(), t.orelse(), t.finalbody(), ancestors, parse, out);
        case Stmt.TryStar t ->
            tryBlock(t.body(), t.handlers(), t.orelse(), t.finalbody(), ancestors, parse, out);
        case Stmt.Match m -> {
          for (MatchCase c : m.cases()) {
            collect(c.body(), ancestors, parse, out);
          }
        }
        default -> {}
      }
      ancestors.remove(ancestors.size() - 1);
    }
  }

  private static void tryBlock(
      List<Stmt> body,
      List<ExceptHandler> handlers,
      List<Stmt> orelse,
      List<Stmt> finalbody,
      List<Node> ancestors,
      ParseResult parse,
      List<CallableMetrics> out) {
    collect(body, ancestors, parse, out);
    for (ExceptHandler h : handlers) {
      collect(h.body(), ancestors, parse, out);
    }
    collect(orelse, ancestors, parse, out);
    collect(finalbody, ancestors, parse, out);
  }
}
