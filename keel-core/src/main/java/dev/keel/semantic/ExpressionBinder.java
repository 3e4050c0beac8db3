package dev.keel.semantic;

import dev.keel.python.ParseResult;
import dev.keel.python.ast.Comprehension;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.ExprContext;
import dev.keel.python.ast.Keyword;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions and match patterns: names in load and store context, comprehensions and their scopes,
 * {@code Literal[…]} subscripts, and the calls pyflakes looks into ({@code typing.cast}, {@code
 * TypeVar}, {@code __all__.extend(…)} and {@code __all__.append(…)}).
 */
abstract class ExpressionBinder extends DefinitionBinder {
  ExpressionBinder(ParseResult parse, ModuleContext context) {
    super(parse, context);
  }

  final boolean inFunction() {
    ScopeKind k = scope().kind();
    return k != ScopeKind.MODULE && k != ScopeKind.CLASS;
  }

  final void expression(Expr e) {
    switch (e) {
      case Expr.BoolOp b -> handleAll(b.values(), b);
      case Expr.NamedExpr ne -> {
        handle(ne.value(), ne);
        handle(ne.target(), ne);
      }
      case Expr.BinOp b -> {
        handle(b.left(), b);
        handle(b.right(), b);
      }
      case Expr.UnaryOp u -> handle(u.operand(), u);
      case Expr.Lambda l -> lambda(l);
      case Expr.IfExp i -> {
        handle(i.test(), i);
        handle(i.body(), i);
        handle(i.orelse(), i);
      }
      case Expr.Dict d -> {
        for (Expr k : d.keys()) {
          handle(k, d);
        }
        handleAll(d.values(), d);
      }
      case Expr.SetExpr s -> handleAll(s.elts(), s);
      case Expr.ListComp c -> comprehension(c, c.generators(), c.elt(), null);
      case Expr.SetComp c -> comprehension(c, c.generators(), c.elt(), null);
      case Expr.GeneratorExp c -> comprehension(c, c.generators(), c.elt(), null);
      case Expr.DictComp c -> comprehension(c, c.generators(), c.key(), c.value());
      case Expr.Await a -> {
        if (inFunction()) {
          handle(a.value(), a);
        }
      }
      case Expr.Yield y -> {
        if (inFunction()) {
          handle(y.value(), y);
        }
      }
      case Expr.YieldFrom y -> {
        if (inFunction()) {
          handle(y.value(), y);
        }
      }
      case Expr.Compare c -> {
        handle(c.left(), c);
        handleAll(c.comparators(), c);
      }
      case Expr.Call c -> call(c);
      case Expr.FormattedValue f -> {
        handle(f.value(), f);
        handle(f.formatSpec(), f);
      }
      case Expr.Interpolation f -> {
        handle(f.value(), f);
        handle(f.formatSpec(), f);
      }
      case Expr.JoinedStr j -> handleAll(j.values(), j);
      case Expr.TemplateStr t -> handleAll(t.values(), t);
      case Expr.Constant c -> {
        if (annotationState != AnnotationState.NONE && c.value() instanceof ConstantValue.Str s) {
          Node owner = c;
          if (inDeferred) {
            stringAnnotation(s.value(), owner, c.range());
          } else {
            defer(() -> stringAnnotation(s.value(), owner, c.range()));
          }
        }
      }
      case Expr.Attribute a -> handle(a.value(), a);
      case Expr.Subscript s -> subscript(s);
      case Expr.Starred s -> handle(s.value(), s);
      case Expr.Name n -> {
        if (n.ctx() == ExprContext.Load) {
          load(n);
          if (n.id().equals("locals")
              && scope().isFunctionLike()
              && parents.get(n) instanceof Expr.Call) {
            scope().usesLocals = true;
          }
        } else if (n.ctx() == ExprContext.Del) {
          delete(n);
        } else {
          store(n, n.id());
        }
      }
      case Expr.ListExpr l -> handleAll(l.elts(), l);
      case Expr.Tuple t -> handleAll(t.elts(), t);
      case Expr.Slice s -> {
        handle(s.lower(), s);
        handle(s.upper(), s);
        handle(s.step(), s);
      }
    }
  }

  final void pattern(Pattern p) {
    switch (p) {
      case Pattern.MatchValue v -> handle(v.value(), v);
      case Pattern.MatchSingleton s -> {}
      case Pattern.MatchSequence s -> handleAll(s.patterns(), s);
      case Pattern.MatchMapping m -> {
        if (m.rest() != null) {
          store(m, m.rest());
        }
        handleAll(m.keys(), m);
        handleAll(m.patterns(), m);
      }
      case Pattern.MatchClass c -> {
        handle(c.cls(), c);
        handleAll(c.patterns(), c);
        handleAll(c.kwdPatterns(), c);
      }
      case Pattern.MatchStar s -> {
        if (s.name() != null) {
          store(s, s.name());
        }
      }
      case Pattern.MatchAs a -> {
        if (a.name() != null) {
          store(a, a.name());
        }
        handle(a.pattern(), a);
      }
      case Pattern.MatchOr o -> handleAll(o.patterns(), o);
    }
  }

  private void comprehension(Expr node, List<Comprehension> generators, Expr a, Expr b) {
    push(ScopeKind.COMPREHENSION, node);
    handleAll(generators, node);
    handle(a, node);
    handle(b, node);
    pop();
  }

  private void subscript(Expr.Subscript s) {
    if (isNameOrAttr(s.value(), "Literal")) {
      AnnotationState saved = annotationState;
      annotationState = AnnotationState.NONE;
      handle(s.value(), s);
      handle(s.slice(), s);
      annotationState = saved;
    } else if (isNameOrAttr(s.value(), "Annotated")) {
      handle(s.value(), s);
      if (s.slice() instanceof Expr.Tuple t && t.elts().size() >= 2) {
        handle(t.elts().get(0), s);
        AnnotationState saved = annotationState;
        annotationState = AnnotationState.NONE;
        for (Expr rest : t.elts().subList(1, t.elts().size())) {
          handle(rest, s);
        }
        annotationState = saved;
      } else {
        handle(s.slice(), s);
      }
    } else if (typingMember(s.value()) != null) {
      AnnotationState saved = annotationState;
      annotationState = AnnotationState.BARE;
      handle(s.value(), s);
      handle(s.slice(), s);
      annotationState = saved;
    } else {
      handle(s.value(), s);
      handle(s.slice(), s);
    }
  }

  private static boolean isNameOrAttr(Expr e, String name) {
    return (e instanceof Expr.Name n && n.id().equals(name))
        || (e instanceof Expr.Attribute a && a.attr().equals(name));
  }

  private void call(Expr.Call c) {
    exportExtension(c);
    List<Node> annotated = new ArrayList<>();
    boolean special = true;
    List<Runnable> plain = new ArrayList<>();
    String member = typingMember(c.func());
    if ("cast".equals(member) && !c.args().isEmpty()) {
      AnnotationState saved = annotationState;
      annotationState = AnnotationState.BARE;
      handle(c.args().get(0), c);
      annotationState = saved;
      special = false;
    } else if ("TypeVar".equals(member)) {
      annotated.addAll(c.args().subList(Math.min(1, c.args().size()), c.args().size()));
      for (Keyword k : c.keywords()) {
        if ("bound".equals(k.arg())) {
          annotated.add(k.value());
        } else {
          plain.add(() -> handle(k.value(), k));
        }
      }
      plain.add(() -> handle(c.func(), c));
    } else if ("TypedDict".equals(member)) {
      boolean dictForm = c.args().size() > 1 && c.args().get(1) instanceof Expr.Dict;
      if (dictForm) {
        Expr.Dict d = (Expr.Dict) c.args().get(1);
        annotated.addAll(d.values());
        for (Expr k : d.keys()) {
          plain.add(() -> handle(k, d));
        }
      }
      for (Keyword k : c.keywords()) {
        annotated.add(k.value());
      }
      plain.add(() -> handle(c.func(), c));
      if (!dictForm) {
        plain.add(() -> handleAll(c.args(), c));
      }
    } else if ("NamedTuple".equals(member)) {
      boolean listForm =
          c.args().size() > 1
              && elts(c.args().get(1)) != null
              && elts(c.args().get(1)).stream()
                  .allMatch(x -> elts(x) != null && elts(x).size() == 2);
      if (listForm) {
        for (Expr field : elts(c.args().get(1))) {
          annotated.add(elts(field).get(1));
        }
      }
      for (Keyword k : c.keywords()) {
        annotated.add(k.value());
      }
      plain.add(() -> handle(c.func(), c));
      if (!listForm) {
        plain.add(() -> handleAll(c.args(), c));
      }
    } else {
      special = false;
    }
    if (special) {
      AnnotationState saved = annotationState;
      annotationState = AnnotationState.NONE;
      plain.forEach(Runnable::run);
      annotationState = AnnotationState.BARE;
      for (Node n : annotated) {
        handle(n, c);
      }
      annotationState = saved;
      return;
    }
    handle(c.func(), c);
    handleAll(c.args(), c);
    handleAll(c.keywords(), c);
  }

  private static List<Expr> elts(Expr e) {
    return switch (e) {
      case Expr.Tuple t -> t.elts();
      case Expr.ListExpr l -> l.elts();
      default -> null;
    };
  }

  /** {@code __all__.extend([...])} and {@code __all__.append("x")} at module level. */
  private void exportExtension(Expr.Call c) {
    if (scope().kind() != ScopeKind.MODULE
        || !(c.func() instanceof Expr.Attribute a)
        || !(a.value() instanceof Expr.Name n)
        || !n.id().equals("__all__")
        || c.args().size() != 1) {
      return;
    }
    Binding all = scope().bindings.get("__all__");
    if (all == null || all.kind() != BindingKind.EXPORT) {
      return;
    }
    Expr arg = c.args().get(0);
    if (a.attr().equals("extend") && (arg instanceof Expr.ListExpr || arg instanceof Expr.Tuple)) {
      addStrings(arg, all.exportNames);
    } else if (a.attr().equals("append")
        && arg instanceof Expr.Constant k
        && k.value() instanceof ConstantValue.Str s) {
      all.exportNames.add(s.value());
    }
  }
}
