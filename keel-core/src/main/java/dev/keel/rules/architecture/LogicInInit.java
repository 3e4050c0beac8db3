package dev.keel.rules.architecture;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.ArrayList;
import java.util.List;

@RuleSpec(
    code = "ARC003",
    summary = "__init__.py holds functions, classes or statements beyond imports and constants",
    severity = Severity.WARNING,
    effortMinutes = 30)
final class LogicInInit implements FileRule {
  /** What the package's {@code __init__.py} runs besides declarations, in source order. */
  private static final class Logic {
    int functions;
    int classes;
    int others;
    final List<Stmt> offenders = new ArrayList<>();
  }

  @Override
  public void finish(FileVisit file) {
    if (!file.path().endsWith("__init__.py") && !file.path().equals("__init__.py")) {
      return;
    }
    Logic logic = new Logic();
    for (Stmt s : file.parse().module().body()) {
      classify(s, logic);
    }
    if (logic.offenders.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    if (logic.functions > 0) {
      parts.add(logic.functions + (logic.functions == 1 ? " function" : " functions"));
    }
    if (logic.classes > 0) {
      parts.add(logic.classes + (logic.classes == 1 ? " class" : " classes"));
    }
    if (logic.others > 0) {
      parts.add(logic.others + (logic.others == 1 ? " other statement" : " other statements"));
    }
    Stmt first = logic.offenders.get(0);
    int line = file.lines().line(first.range().start());
    file.report(
        first.range().start(),
        Math.min(first.range().end(), file.lines().lineEnd(line)),
        "__init__.py holds "
            + String.join(", ", parts)
            + ": importing any module of the package runs it; move the code into a module and"
            + " re-export what callers need");
  }

  private static void classify(Stmt s, Logic logic) {
    switch (s) {
      case Stmt.Import i -> {}
      case Stmt.ImportFrom i -> {}
      case Stmt.Pass p -> {}
      case Stmt.Delete d -> {}
      case Stmt.Global g -> {}
      case Stmt.ExprStmt e when e.value() instanceof Expr.Constant -> {}
      case Stmt.Assign a when isDeclaration(a.targets(), a.value()) -> {}
      case Stmt.AnnAssign a
          when a.value() == null || isDeclaration(List.of(a.target()), a.value()) -> {}
      case Stmt.AugAssign a when isDunder(a.target()) -> {}
      case Stmt.ExprStmt e when extendsAll(e.value()) || addsNullHandler(e.value()) -> {}
      // PEP 562 module __getattr__/__dir__: lazy imports and deprecation shims belong here.
      case Stmt.FunctionDef d
          when d.name().equals("__getattr__") || d.name().equals("__dir__") -> {}
      case Stmt.If i -> {
        for (Stmt b : i.body()) {
          classify(b, logic);
        }
        for (Stmt b : i.orelse()) {
          classify(b, logic);
        }
      }
      case Stmt.Try t -> {
        for (List<Stmt> block : List.of(t.body(), t.orelse(), t.finalbody())) {
          for (Stmt b : block) {
            classify(b, logic);
          }
        }
        for (var h : t.handlers()) {
          for (Stmt b : h.body()) {
            classify(b, logic);
          }
        }
      }
      case Stmt.FunctionDef d -> {
        logic.functions++;
        logic.offenders.add(s);
      }
      case Stmt.AsyncFunctionDef d -> {
        logic.functions++;
        logic.offenders.add(s);
      }
      case Stmt.ClassDef c -> {
        logic.classes++;
        logic.offenders.add(s);
      }
      default -> {
        logic.others++;
        logic.offenders.add(s);
      }
    }
  }

  /** Constants, aliases and dunder metadata ({@code __version__ = version("pkg")}). */
  private static boolean isDeclaration(List<Expr> targets, Expr value) {
    return targets.stream().allMatch(LogicInInit::isDunder) || isConstant(value);
  }

  private static boolean isDunder(Expr target) {
    return target instanceof Expr.Name n && n.id().startsWith("__") && n.id().endsWith("__");
  }

  /**
   * {@code __all__.extend([...])}, {@code __all__ += [...]}, {@code __path__ = extend_path(...)}.
   */
  private static boolean extendsAll(Expr e) {
    return e instanceof Expr.Call c
        && c.func() instanceof Expr.Attribute a
        && a.value() instanceof Expr.Name n
        && n.id().equals("__all__");
  }

  /** {@code logging.getLogger(__name__).addHandler(logging.NullHandler())}, the library idiom. */
  private static boolean addsNullHandler(Expr e) {
    return e instanceof Expr.Call c
        && c.func() instanceof Expr.Attribute a
        && (a.attr().equals("addHandler") || isWarningsWarn(a));
  }

  /** {@code warnings.warn(...)}: a deprecation notice for the whole package belongs here. */
  private static boolean isWarningsWarn(Expr.Attribute a) {
    return a.attr().equals("warn") && a.value() instanceof Expr.Name n && n.id().equals("warnings");
  }

  private static boolean isConstant(Expr e) {
    return switch (e) {
      case Expr.Constant c -> true;
      case Expr.Name n -> true;
      case Expr.Attribute a -> isConstant(a.value());
      case Expr.Tuple t -> t.elts().stream().allMatch(LogicInInit::isConstant);
      case Expr.ListExpr l -> l.elts().stream().allMatch(LogicInInit::isConstant);
      case Expr.SetExpr l -> l.elts().stream().allMatch(LogicInInit::isConstant);
      case Expr.Dict d ->
          d.keys().stream().allMatch(k -> k == null || isConstant(k))
              && d.values().stream().allMatch(LogicInInit::isConstant);
      case Expr.UnaryOp u -> isConstant(u.operand());
      case Expr.BinOp b -> isConstant(b.left()) && isConstant(b.right());
      case Expr.JoinedStr j -> true;
      default -> false;
    };
  }
}
