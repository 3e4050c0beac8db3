package dev.keel.rules.architecture;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@RuleSpec(
    code = "ARC003",
    summary = "__init__.py holds functions, classes or statements beyond imports and constants",
    severity = Severity.WARNING,
    effortMinutes = 30)
final class LogicInInit implements FileRule {
  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of();
  }

  @Override
  public void finish(FileVisit file) {
    if (!file.path().endsWith("__init__.py") && !file.path().equals("__init__.py")) {
      return;
    }
    int[] counts = new int[3];
    List<Stmt> offenders = new ArrayList<>();
    for (Stmt s : file.parse().module().body()) {
      classify(s, counts, offenders);
    }
    if (offenders.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    if (counts[0] > 0) {
      parts.add(counts[0] + (counts[0] == 1 ? " function" : " functions"));
    }
    if (counts[1] > 0) {
      parts.add(counts[1] + (counts[1] == 1 ? " class" : " classes"));
    }
    if (counts[2] > 0) {
      parts.add(counts[2] + (counts[2] == 1 ? " other statement" : " other statements"));
    }
    Stmt first = offenders.get(0);
    int line = file.lines().line(first.range().start());
    file.report(
        first.range().start(),
        Math.min(first.range().end(), file.lines().lineEnd(line)),
        "__init__.py holds "
            + String.join(", ", parts)
            + ": importing any module of the package runs it; move the code into a module and"
            + " re-export what callers need");
  }

  private static void classify(Stmt s, int[] counts, List<Stmt> offenders) {
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
          classify(b, counts, offenders);
        }
        for (Stmt b : i.orelse()) {
          classify(b, counts, offenders);
        }
      }
      case Stmt.Try t -> {
        for (List<Stmt> block : List.of(t.body(), t.orelse(), t.finalbody())) {
          for (Stmt b : block) {
            classify(b, counts, offenders);
          }
        }
        for (var h : t.handlers()) {
          for (Stmt b : h.body()) {
            classify(b, counts, offenders);
          }
        }
      }
      case Stmt.FunctionDef d -> {
        counts[0]++;
        offenders.add(s);
      }
      case Stmt.AsyncFunctionDef d -> {
        counts[0]++;
        offenders.add(s);
      }
      case Stmt.ClassDef c -> {
        counts[1]++;
        offenders.add(s);
      }
      default -> {
        counts[2]++;
        offenders.add(s);
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
