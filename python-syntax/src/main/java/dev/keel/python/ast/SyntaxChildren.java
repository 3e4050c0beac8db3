package dev.keel.python.ast;

import java.util.List;
import java.util.function.Consumer;

/**
 * The direct children of each kind of node, in source order. The switch is exhaustive over the
 * sealed syntax tree, so a node kind added to the tree fails compilation here until it is handled.
 */
public final class SyntaxChildren {
  private SyntaxChildren() {}

  /** Calls {@code f} on each direct child of {@code n}, skipping absent (null) ones. */
  public static void forEach(Node n, Consumer<Node> f) {
    // A type switch tries its cases in order, and this one runs for every node of every file: the
    // kinds that make up most of a tree (in the standard library: names 30%, constants 14%,
    // attributes 13%, calls 11%, expression statements 6%, assignments 4%) come first.
    switch (n) {
      case Expr.Name x -> {}
      case Expr.Constant x -> {}
      case Expr.Attribute x -> f.accept(x.value());
      case Expr.Call x -> {
        f.accept(x.func());
        all(x.args(), f);
        all(x.keywords(), f);
      }
      case Stmt.ExprStmt x -> f.accept(x.value());
      case Stmt.Assign x -> {
        all(x.targets(), f);
        f.accept(x.value());
      }
      case Arg a -> one(a.annotation(), f);
      case Arguments a -> arguments(a, f);
      case Keyword k -> one(k.value(), f);
      case Expr e -> expr(e, f);
      case Stmt s -> stmt(s, f);
      case Mod m -> mod(m, f);
      case Pattern p -> pattern(p, f);
      case TypeParam t -> typeParam(t, f);
      case Comprehension c -> {
        one(c.target(), f);
        one(c.iter(), f);
        all(c.ifs(), f);
      }
      case ExceptHandler h -> {
        one(h.type(), f);
        all(h.body(), f);
      }
      case Alias a -> {}
      case WithItem w -> {
        one(w.contextExpr(), f);
        one(w.optionalVars(), f);
      }
      case MatchCase c -> {
        one(c.pattern(), f);
        one(c.guard(), f);
        all(c.body(), f);
      }
    }
  }

  private static void mod(Mod m, Consumer<Node> f) {
    switch (m) {
      case Mod.Module x -> all(x.body(), f);
      case Mod.Interactive x -> all(x.body(), f);
      case Mod.Expression x -> one(x.body(), f);
      case Mod.FunctionType x -> {
        all(x.argtypes(), f);
        one(x.returns(), f);
      }
    }
  }

  private static void stmt(Stmt s, Consumer<Node> f) {
    switch (s) {
      case Stmt.FunctionDef x -> {
        all(x.decoratorList(), f);
        all(x.typeParams(), f);
        one(x.args(), f);
        one(x.returns(), f);
        all(x.body(), f);
      }
      case Stmt.AsyncFunctionDef x -> {
        all(x.decoratorList(), f);
        all(x.typeParams(), f);
        one(x.args(), f);
        one(x.returns(), f);
        all(x.body(), f);
      }
      case Stmt.ClassDef x -> {
        all(x.decoratorList(), f);
        all(x.typeParams(), f);
        all(x.bases(), f);
        all(x.keywords(), f);
        all(x.body(), f);
      }
      case Stmt.Return x -> one(x.value(), f);
      case Stmt.Delete x -> all(x.targets(), f);
      case Stmt.Assign x -> {
        all(x.targets(), f);
        one(x.value(), f);
      }
      case Stmt.TypeAlias x -> {
        one(x.name(), f);
        all(x.typeParams(), f);
        one(x.value(), f);
      }
      case Stmt.AugAssign x -> {
        one(x.target(), f);
        one(x.value(), f);
      }
      case Stmt.AnnAssign x -> {
        one(x.target(), f);
        one(x.annotation(), f);
        one(x.value(), f);
      }
      case Stmt.For x -> loop(x.target(), x.iter(), x.body(), x.orelse(), f);
      case Stmt.AsyncFor x -> loop(x.target(), x.iter(), x.body(), x.orelse(), f);
      case Stmt.While x -> {
        one(x.test(), f);
        all(x.body(), f);
        all(x.orelse(), f);
      }
      case Stmt.If x -> {
        one(x.test(), f);
        all(x.body(), f);
        all(x.orelse(), f);
      }
      case Stmt.With x -> {
        all(x.items(), f);
        all(x.body(), f);
      }
      case Stmt.AsyncWith x -> {
        all(x.items(), f);
        all(x.body(), f);
      }
      case Stmt.Match x -> {
        one(x.subject(), f);
        all(x.cases(), f);
      }
      case Stmt.Raise x -> {
        one(x.exc(), f);
        one(x.cause(), f);
      }
      case Stmt.Try x -> {
        all(x.body(), f);
        all(x.handlers(), f);
        all(x.orelse(), f);
        all(x.finalbody(), f);
      }
      case Stmt.TryStar x -> {
        all(x.body(), f);
        all(x.handlers(), f);
        all(x.orelse(), f);
        all(x.finalbody(), f);
      }
      case Stmt.Assert x -> {
        one(x.test(), f);
        one(x.msg(), f);
      }
      case Stmt.Import x -> all(x.names(), f);
      case Stmt.ImportFrom x -> all(x.names(), f);
      case Stmt.Global x -> {}
      case Stmt.Nonlocal x -> {}
      case Stmt.ExprStmt x -> one(x.value(), f);
      case Stmt.Pass x -> {}
      case Stmt.Break x -> {}
      case Stmt.Continue x -> {}
    }
  }

  private static void expr(Expr e, Consumer<Node> f) {
    switch (e) {
      case Expr.Tuple x -> all(x.elts(), f);
      case Expr.BinOp x -> {
        one(x.left(), f);
        one(x.right(), f);
      }
      case Expr.Subscript x -> {
        one(x.value(), f);
        one(x.slice(), f);
      }
      case Expr.Compare x -> {
        one(x.left(), f);
        all(x.comparators(), f);
      }
      case Expr.ListExpr x -> all(x.elts(), f);
      case Expr.UnaryOp x -> one(x.operand(), f);
      case Expr.BoolOp x -> all(x.values(), f);
      case Expr.NamedExpr x -> {
        one(x.target(), f);
        one(x.value(), f);
      }
      case Expr.Lambda x -> {
        one(x.args(), f);
        one(x.body(), f);
      }
      case Expr.IfExp x -> {
        one(x.body(), f);
        one(x.test(), f);
        one(x.orelse(), f);
      }
      case Expr.Dict x -> {
        for (int i = 0; i < x.values().size(); i++) {
          one(x.keys().get(i), f);
          one(x.values().get(i), f);
        }
      }
      case Expr.SetExpr x -> all(x.elts(), f);
      case Expr.ListComp x -> {
        one(x.elt(), f);
        all(x.generators(), f);
      }
      case Expr.SetComp x -> {
        one(x.elt(), f);
        all(x.generators(), f);
      }
      case Expr.DictComp x -> {
        one(x.key(), f);
        one(x.value(), f);
        all(x.generators(), f);
      }
      case Expr.GeneratorExp x -> {
        one(x.elt(), f);
        all(x.generators(), f);
      }
      case Expr.Await x -> one(x.value(), f);
      case Expr.Yield x -> one(x.value(), f);
      case Expr.YieldFrom x -> one(x.value(), f);
      case Expr.Call x -> {
        one(x.func(), f);
        all(x.args(), f);
        all(x.keywords(), f);
      }
      case Expr.FormattedValue x -> {
        one(x.value(), f);
        one(x.formatSpec(), f);
      }
      case Expr.Interpolation x -> {
        one(x.value(), f);
        one(x.formatSpec(), f);
      }
      case Expr.JoinedStr x -> all(x.values(), f);
      case Expr.TemplateStr x -> all(x.values(), f);
      case Expr.Constant x -> {}
      case Expr.Attribute x -> one(x.value(), f);
      case Expr.Starred x -> one(x.value(), f);
      case Expr.Name x -> {}
      case Expr.Slice x -> {
        one(x.lower(), f);
        one(x.upper(), f);
        one(x.step(), f);
      }
    }
  }

  private static void pattern(Pattern p, Consumer<Node> f) {
    switch (p) {
      case Pattern.MatchValue x -> one(x.value(), f);
      case Pattern.MatchSingleton x -> {}
      case Pattern.MatchSequence x -> all(x.patterns(), f);
      case Pattern.MatchMapping x -> {
        for (int i = 0; i < x.keys().size(); i++) {
          one(x.keys().get(i), f);
          one(x.patterns().get(i), f);
        }
      }
      case Pattern.MatchClass x -> {
        one(x.cls(), f);
        all(x.patterns(), f);
        all(x.kwdPatterns(), f);
      }
      case Pattern.MatchStar x -> {}
      case Pattern.MatchAs x -> one(x.pattern(), f);
      case Pattern.MatchOr x -> all(x.patterns(), f);
    }
  }

  private static void typeParam(TypeParam t, Consumer<Node> f) {
    switch (t) {
      case TypeParam.TypeVar x -> {
        one(x.bound(), f);
        one(x.defaultValue(), f);
      }
      case TypeParam.ParamSpec x -> one(x.defaultValue(), f);
      case TypeParam.TypeVarTuple x -> one(x.defaultValue(), f);
    }
  }

  private static void arguments(Arguments a, Consumer<Node> f) {
    all(a.posonlyargs(), f);
    all(a.args(), f);
    all(a.defaults(), f);
    one(a.vararg(), f);
    all(a.kwonlyargs(), f);
    all(a.kwDefaults(), f);
    one(a.kwarg(), f);
  }

  private static void loop(
      Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse, Consumer<Node> f) {
    one(target, f);
    one(iter, f);
    all(body, f);
    all(orelse, f);
  }

  private static void one(Node n, Consumer<Node> f) {
    if (n != null) {
      f.accept(n);
    }
  }

  private static void all(List<? extends Node> ns, Consumer<Node> f) {
    // Indexed: the walk runs over every node of every file, and an iterator per list adds up.
    for (int i = 0, size = ns.size(); i < size; i++) {
      Node n = ns.get(i);
      if (n != null) {
        f.accept(n);
      }
    }
  }
}
