package dev.keel.coverage;

import dev.keel.python.ParseResult;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.MatchCase;
import dev.keel.python.ast.Stmt;
import dev.keel.python.source.LineIndex;
import dev.keel.python.token.Token;
import dev.keel.python.token.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The lines of a module that coverage.py counts as statements, from Keel's syntax tree, for data
 * that records only what ran (the SQLite file), and the error paths of the module: each {@code
 * raise} and each {@code except} body.
 *
 * <p>As coverage.py 6.5 on CPython 3.11 counts them: the first line of each statement; each
 * decorator's line and the {@code def}/{@code class} line; {@code except} and {@code case} lines
 * (not {@code else:}, {@code finally:}); never a docstring, {@code global} or {@code nonlocal}.
 * Lines marked {@code # pragma: no cover}, and the whole block of a marked header, are excluded as
 * coverage.py's default {@code exclude_lines} does.
 */
public final class StatementLines {
  private static final Pattern NO_COVER =
      Pattern.compile("#\\s*(pragma|PRAGMA)[:\\s]?\\s*(no|NO)\\s*(cover|COVER)");

  /** An {@code except} clause: its line and the statement lines of its body. */
  public record Handler(int line, SortedSet<Integer> body) {}

  private final SortedSet<Integer> statements = new TreeSet<>();
  private final SortedSet<Integer> excluded = new TreeSet<>();
  private final SortedSet<Integer> raises = new TreeSet<>();
  private final SortedSet<Integer> docstrings = new TreeSet<>();
  private final List<Handler> handlers = new ArrayList<>();
  private final LineIndex lines;
  private final String[] text;
  private final String source;
  private int[] logicalFirst;

  private StatementLines(ParseResult parse) {
    this.lines = parse.lines();
    this.source = parse.text();
    this.text = parse.text().split("\r\n|\r|\n", -1);
  }

  /**
   * The lines coverage.py reports for lines that ran: each line of a logical line that spans
   * several (brackets, a backslash, a string over lines) is its first line, as coverage.py's
   * analysis translates what the tracer recorded. The SQLite file holds the tracer's lines as they
   * were: CPython 3.11 reports a line event for {@code x == 0} on the second line of {@code if (\n
   * x == 0\n):}, which coverage.py counts for the {@code if}.
   */
  public SortedSet<Integer> firstLines(SortedSet<Integer> ran) {
    if (logicalFirst == null) {
      logicalFirst = logicalFirst();
    }
    SortedSet<Integer> out = new TreeSet<>();
    for (int l : ran) {
      out.add(l >= 1 && l < logicalFirst.length && logicalFirst[l] > 0 ? logicalFirst[l] : l);
    }
    return out;
  }

  private int[] logicalFirst() {
    int[] first = new int[text.length + 2];
    int start = -1;
    for (Token t : Tokenizer.tokenize(source).tokens()) {
      switch (t.kind()) {
        case INDENT, DEDENT, ENDMARKER -> {}
        case NEWLINE -> {
          int end = line(Math.max(t.start(), t.end() - 1));
          if (start > 0) {
            for (int l = start; l <= end && l < first.length; l++) {
              first[l] = start;
            }
          }
          start = -1;
        }
        default -> {
          if (start < 0) {
            start = line(t.start());
          }
        }
      }
    }
    return first;
  }

  public static StatementLines of(ParseResult parse) {
    StatementLines s = new StatementLines(parse);
    s.definitionBody(parse.module().body(), false);
    s.statements.removeAll(s.excluded);
    s.raises.removeAll(s.excluded);
    s.handlers.removeIf(h -> s.excluded.contains(h.line()));
    return s;
  }

  /** Statement lines, excluded ones left out. */
  public SortedSet<Integer> statements() {
    return java.util.Collections.unmodifiableSortedSet(statements);
  }

  /** Lines coverage.py's default exclusion leaves out ({@code # pragma: no cover}). */
  public SortedSet<Integer> excluded() {
    return java.util.Collections.unmodifiableSortedSet(excluded);
  }

  /**
   * The first line of each docstring (module, class, function): never a statement, though
   * coverage.py's JSON before 7.13.1 lists those that ran among its executed lines.
   */
  public SortedSet<Integer> docstrings() {
    return java.util.Collections.unmodifiableSortedSet(docstrings);
  }

  /** The line of each {@code raise}. */
  public SortedSet<Integer> raises() {
    return java.util.Collections.unmodifiableSortedSet(raises);
  }

  public List<Handler> handlers() {
    return List.copyOf(handlers);
  }

  /** Number of lines in the module's text. */
  public int lineCount() {
    return text.length;
  }

  private int line(int offset) {
    return lines.line(offset);
  }

  private boolean marked(int line) {
    return line >= 1 && line <= text.length && NO_COVER.matcher(text[line - 1]).find();
  }

  private void body(List<Stmt> body, boolean excludedBlock) {
    for (Stmt s : body) {
      statement(s, false, excludedBlock);
    }
  }

  /** The body of a module, class or function, whose first string is its docstring. */
  private void definitionBody(List<Stmt> body, boolean excludedBlock) {
    for (int i = 0; i < body.size(); i++) {
      Stmt s = body.get(i);
      boolean docstring = i == 0 && isDocstring(s);
      if (docstring) {
        docstrings.add(line(s.range().start()));
      }
      statement(s, docstring, excludedBlock);
    }
  }

  private static boolean isDocstring(Stmt s) {
    return s instanceof Stmt.ExprStmt e
        && e.value() instanceof Expr.Constant c
        && c.value() instanceof dev.keel.python.ast.ConstantValue.Str;
  }

  private void statement(Stmt s, boolean docstring, boolean excludedBlock) {
    int first = line(s.range().start());
    int last = line(Math.max(s.range().start(), s.range().end() - 1));
    boolean exclude = excludedBlock || marked(first);
    switch (s) {
      case Stmt.Global g -> {
        return;
      }
      case Stmt.Nonlocal n -> {
        return;
      }
      default -> {}
    }
    if (!docstring) {
      statements.add(first);
    }
    if (exclude) {
      for (int l = first; l <= last; l++) {
        excluded.add(l);
      }
    }
    switch (s) {
      case Stmt.FunctionDef f -> {
        decorated(f.decoratorList(), s);
        definitionBody(f.body(), exclude);
      }
      case Stmt.AsyncFunctionDef f -> {
        decorated(f.decoratorList(), s);
        definitionBody(f.body(), exclude);
      }
      case Stmt.ClassDef c -> {
        decorated(c.decoratorList(), s);
        definitionBody(c.body(), exclude);
      }
      case Stmt.If f -> {
        body(f.body(), exclude);
        body(f.orelse(), exclude);
      }
      case Stmt.For f -> {
        body(f.body(), exclude);
        body(f.orelse(), exclude);
      }
      case Stmt.AsyncFor f -> {
        body(f.body(), exclude);
        body(f.orelse(), exclude);
      }
      case Stmt.While w -> {
        body(w.body(), exclude);
        body(w.orelse(), exclude);
      }
      case Stmt.With w -> body(w.body(), exclude);
      case Stmt.AsyncWith w -> body(w.body(), exclude);
      case Stmt.Try t -> tryBlock(t.body(), t.handlers(), t.orelse(), t.finalbody(), exclude);
      case Stmt.TryStar t -> tryBlock(t.body(), t.handlers(), t.orelse(), t.finalbody(), exclude);
      case Stmt.Match m -> {
        for (MatchCase c : m.cases()) {
          int caseLine = line(c.range().start());
          boolean ex = exclude || marked(caseLine);
          statements.add(caseLine);
          if (ex) {
            excludeRange(c.range().start(), c.range().end());
          }
          body(c.body(), ex);
        }
      }
      case Stmt.Raise r -> raises.add(first);
      default -> {}
    }
  }

  /** Each decorator's line and the line of the {@code def} or {@code class} keyword. */
  private void decorated(List<Expr> decorators, Stmt s) {
    if (decorators.isEmpty()) {
      return;
    }
    int after = s.range().start();
    for (Expr d : decorators) {
      statements.add(line(d.range().start()));
      after = Math.max(after, d.range().end());
    }
    statements.add(headerLine(after));
  }

  /** The line of the first token after {@code offset}: skips spaces, newlines, comments, ')'. */
  private int headerLine(int offset) {
    int line = line(offset);
    int col = offset - lineStart(line);
    while (line <= text.length) {
      String t = text[line - 1];
      int c = Math.max(0, col);
      while (c < t.length() && (t.charAt(c) == ' ' || t.charAt(c) == '\t' || t.charAt(c) == ')')) {
        c++;
      }
      if (c < t.length() && t.charAt(c) != '#' && t.charAt(c) != '\\') {
        return line;
      }
      line++;
      col = 0;
    }
    return line(offset);
  }

  private int lineStart(int line) {
    return lines.lineStart(line);
  }

  private void tryBlock(
      List<Stmt> body,
      List<ExceptHandler> hs,
      List<Stmt> orelse,
      List<Stmt> finalbody,
      boolean exclude) {
    body(body, exclude);
    for (ExceptHandler h : hs) {
      int hl = line(h.range().start());
      boolean ex = exclude || marked(hl);
      statements.add(hl);
      if (ex) {
        excludeRange(h.range().start(), h.range().end());
      }
      SortedSet<Integer> before = new TreeSet<>(statements);
      body(h.body(), ex);
      SortedSet<Integer> added = new TreeSet<>(statements);
      added.removeAll(before);
      if (!ex) {
        handlers.add(new Handler(hl, added));
      }
    }
    body(orelse, exclude);
    body(finalbody, exclude);
  }

  private void excludeRange(int start, int end) {
    for (int l = line(start); l <= line(Math.max(start, end - 1)); l++) {
      excluded.add(l);
    }
  }
}
