package dev.keel.semantic;

import dev.keel.python.ParseResult;
import dev.keel.python.ast.Alias;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.MatchCase;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.python.source.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The facts about one module that outlive its syntax tree (DESIGN.md, step 3): its imports with
 * where they sit, its top-level definitions, its {@code __all__}, and the imports it never uses.
 * Project rules read these instead of the tree.
 *
 * @param path the file, relative to the project root
 * @param module the dotted module name (empty when the file is not importable)
 * @param exports the names of {@code __all__}, when the module declares it statically
 * @param facts environment reads, import-time calls, callables and test facts
 */
public record ModuleSummary(
    String path,
    String module,
    boolean isPackageInit,
    List<ImportRecord> imports,
    List<Definition> definitions,
    Optional<List<String>> exports,
    List<UnusedImport> unusedImports,
    ModuleFacts facts) {
  public ModuleSummary {
    imports = List.copyOf(imports);
    definitions = List.copyOf(definitions);
    exports = exports.map(List::copyOf);
    unusedImports = List.copyOf(unusedImports);
  }

  /** A top-level name: a def, a class, an assignment target or an import. */
  public record Definition(String name, BindingKind kind, int line) {}

  /**
   * An import that nothing in the module reads, with its position (1-based lines and columns).
   *
   * @param name the name the import binds
   * @param message what NAM001 says about it
   * @param explicitReExport written {@code import x as x} or {@code from m import y as y}
   */
  public record UnusedImport(
      String name,
      String message,
      boolean explicitReExport,
      int line,
      int column,
      int endLine,
      int endColumn) {}

  /** Summarises a parsed module of the code under audit and its semantic model. */
  public static ModuleSummary of(
      String path, ModuleContext context, ParseResult parse, SemanticModel model) {
    return of(path, context, parse, model, false);
  }

  /**
   * Summarises a parsed module and its semantic model; a module of the test suite also gets the
   * test facts of {@link ModuleFacts#tests()}.
   */
  public static ModuleSummary of(
      String path,
      ModuleContext context,
      ParseResult parse,
      SemanticModel model,
      boolean testModule) {
    List<ImportRecord> imports = new ArrayList<>();
    collectImports(parse.module().body(), ImportKind.TOP_LEVEL, context, parse.lines(), imports);
    List<Definition> definitions = new ArrayList<>();
    Optional<List<String>> exports = Optional.empty();
    for (Binding b : model.moduleScope().bindings()) {
      if (b.kind() == BindingKind.EXPORT) {
        exports = Optional.of(b.exportedNames());
      } else if (b.kind() != BindingKind.STAR_IMPORT && b.kind() != BindingKind.FUTURE_IMPORT) {
        definitions.add(new Definition(b.name(), b.kind(), parse.lines().line(b.range().start())));
      }
    }
    List<UnusedImport> unused = new ArrayList<>();
    for (NameIssue i : model.issues(NameIssue.Kind.UNUSED_IMPORT)) {
      TextRange r = i.range();
      LineIndex li = parse.lines();
      unused.add(
          new UnusedImport(
              i.name(),
              i.message(),
              i.subject().map(Binding::isExplicitReExport).orElse(false),
              li.line(r.start()),
              li.column(r.start()) + 1,
              li.line(r.end()),
              li.column(r.end()) + 1));
    }
    return new ModuleSummary(
        path,
        context.module(),
        context.isPackageInit(),
        imports,
        definitions,
        exports,
        unused,
        ModuleFacts.of(parse, model, context.module(), testModule));
  }

  private static void collectImports(
      List<Stmt> body,
      ImportKind kind,
      ModuleContext context,
      LineIndex lines,
      List<ImportRecord> out) {
    for (Stmt s : body) {
      switch (s) {
        case Stmt.Import i -> {
          for (Alias a : i.names()) {
            out.add(new ImportRecord(a.name(), List.of(), lines.line(i.range().start()), kind));
          }
        }
        case Stmt.ImportFrom f -> {
          List<String> names = f.names().stream().map(Alias::name).toList();
          out.add(
              new ImportRecord(
                  context.absoluteModule(f.level(), f.module()),
                  names,
                  lines.line(f.range().start()),
                  kind));
        }
        case Stmt.FunctionDef d ->
            collectImports(d.body(), ImportKind.IN_FUNCTION, context, lines, out);
        case Stmt.AsyncFunctionDef d ->
            collectImports(d.body(), ImportKind.IN_FUNCTION, context, lines, out);
        case Stmt.ClassDef c -> collectImports(c.body(), kind, context, lines, out);
        case Stmt.If i -> {
          boolean typeChecking = isTypeChecking(i.test());
          ImportKind inner =
              kind == ImportKind.IN_FUNCTION
                  ? kind
                  : typeChecking ? ImportKind.TYPE_CHECKING : conditional(kind);
          collectImports(i.body(), inner, context, lines, out);
          collectImports(i.orelse(), conditional(kind), context, lines, out);
        }
        case Stmt.Try t ->
            tryImports(
                t.body(), t.handlers(), t.orelse(), t.finalbody(), kind, context, lines, out);
        case Stmt.TryStar t ->
            tryImports(
                t.body(), t.handlers(), t.orelse(), t.finalbody(), kind, context, lines, out);
        case Stmt.For f -> {
          collectImports(f.body(), conditional(kind), context, lines, out);
          collectImports(f.orelse(), conditional(kind), context, lines, out);
        }
        case Stmt.AsyncFor f -> {
          collectImports(f.body(), conditional(kind), context, lines, out);
          collectImports(f.orelse(), conditional(kind), context, lines, out);
        }
        case Stmt.While w -> {
          collectImports(w.body(), conditional(kind), context, lines, out);
          collectImports(w.orelse(), conditional(kind), context, lines, out);
        }
        case Stmt.With w -> collectImports(w.body(), kind, context, lines, out);
        case Stmt.AsyncWith w -> collectImports(w.body(), kind, context, lines, out);
        case Stmt.Match m -> {
          for (MatchCase c : m.cases()) {
            collectImports(c.body(), conditional(kind), context, lines, out);
          }
        }
        default -> {}
      }
    }
  }

  private static void tryImports(
      List<Stmt> body,
      List<ExceptHandler> handlers,
      List<Stmt> orelse,
      List<Stmt> finalbody,
      ImportKind kind,
      ModuleContext context,
      LineIndex lines,
      List<ImportRecord> out) {
    ImportKind inner = conditional(kind);
    collectImports(body, inner, context, lines, out);
    for (ExceptHandler h : handlers) {
      collectImports(h.body(), inner, context, lines, out);
    }
    collectImports(orelse, inner, context, lines, out);
    collectImports(finalbody, kind, context, lines, out);
  }

  private static ImportKind conditional(ImportKind kind) {
    return kind == ImportKind.TOP_LEVEL ? ImportKind.CONDITIONAL : kind;
  }

  /**
   * {@code TYPE_CHECKING} or {@code typing.TYPE_CHECKING} (any module's attribute of that name).
   */
  static boolean isTypeChecking(Expr test) {
    return (test instanceof Expr.Name n && n.id().equals("TYPE_CHECKING"))
        || (test instanceof Expr.Attribute a && a.attr().equals("TYPE_CHECKING"));
  }
}
