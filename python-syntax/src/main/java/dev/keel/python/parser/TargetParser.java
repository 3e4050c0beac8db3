package dev.keel.python.parser;

import static dev.keel.python.token.TokenKind.*;

import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.ExprContext;
import dev.keel.python.ast.UnaryOperator;
import dev.keel.python.source.Comment;
import dev.keel.python.token.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Targets: the expressions that receive a value in assignments, {@code for} loops, comprehensions
 * and {@code del}, with their {@code Store}/{@code Del} contexts and CPython's messages for an
 * invalid target ({@code cannot assign to …}).
 */
abstract class TargetParser extends StringParser {
  TargetParser(String text, List<Token> tokens, List<Comment> comments) {
    super(text, tokens, comments);
  }

  /** Implemented in {@link ExpressionParser}. */
  abstract Expr starExpression();

  /** Implemented in {@link ExpressionParser}. */
  abstract Expr bitwiseOr();

  /** Implemented in {@link ExpressionParser}. */
  abstract Expr primary();

  /** True if {@code value} is a lone bitwise_or-level expression (CPython's hint condition). */
  final boolean bitwiseOrLevel(Expr value, int startTok) {
    return switch (value) {
      case Expr.Compare c -> false;
      case Expr.BoolOp b -> false;
      case Expr.UnaryOp u -> u.op() != UnaryOperator.Not;
      case Expr.IfExp i -> false;
      case Expr.Lambda l -> false;
      case Expr.Yield y -> false;
      case Expr.YieldFrom y -> false;
      case Expr.Starred st -> false;
      case Expr.Tuple tu -> src.charAt(tu.range().start()) == '(';
      default -> true;
    };
  }

  final Expr assignTarget(Expr e, int startTok, boolean hintable) {
    Expr bad = invalidTarget(e, false);
    if (bad != null) {
      boolean direct =
          bad == e
              || e instanceof Expr.Tuple tu
                  && src.charAt(tu.range().start()) != '('
                  && tu.elts().contains(bad);
      boolean hint =
          hintable
              && direct
              && bitwiseOrLevel(bad, startTok)
              && !(bad instanceof Expr.Tuple
                  || bad instanceof Expr.ListExpr
                  || bad instanceof Expr.GeneratorExp
                  || bad instanceof Expr.Constant c
                      && (c.value() instanceof ConstantValue.Bool
                          || c.value() instanceof ConstantValue.NoneValue));
      if (bad instanceof Expr.Yield && hintable && direct) {
        hint = true;
      }
      if (hint) {
        throw error(
            "cannot assign to " + exprName(bad) + " here. Maybe you meant '==' instead of '='?",
            bad.range());
      }
      throw error("cannot assign to " + exprName(bad), bad.range());
    }
    return withCtx(e, ExprContext.Store);
  }

  /** Converts an expression parsed as a target, reporting CPython's message if invalid. */
  final Expr toTarget(Expr e, ExprContext ctx, int startTok) {
    Expr bad = invalidTarget(e, ctx == ExprContext.Del);
    if (bad != null) {
      throw error(
          (ctx == ExprContext.Del ? "cannot delete " : "cannot assign to ") + exprName(bad),
          bad.range());
    }
    return withCtx(e, ctx);
  }

  private static Expr invalidTarget(Expr e, boolean del) {
    return switch (e) {
      case Expr.Name nm -> null;
      case Expr.Attribute a -> null;
      case Expr.Subscript s -> null;
      case Expr.Starred s -> del ? s : invalidTarget(s.value(), del);
      case Expr.Tuple tu -> {
        for (Expr x : tu.elts()) {
          Expr b = invalidTarget(x, del);
          if (b != null) {
            yield b;
          }
        }
        yield null;
      }
      case Expr.ListExpr l -> {
        for (Expr x : l.elts()) {
          Expr b = invalidTarget(x, del);
          if (b != null) {
            yield b;
          }
        }
        yield null;
      }
      default -> e;
    };
  }

  /** CPython's {@code _PyPegen_get_expr_name}. */
  static String exprName(Expr e) {
    return switch (e) {
      case Expr.Attribute a -> "attribute";
      case Expr.Subscript s -> "subscript";
      case Expr.Starred s -> "starred";
      case Expr.Name nm -> "name";
      case Expr.ListExpr l -> "list";
      case Expr.Tuple tu -> "tuple";
      case Expr.Lambda l -> "lambda";
      case Expr.Call c -> "function call";
      case Expr.BoolOp b -> "expression";
      case Expr.BinOp b -> "expression";
      case Expr.UnaryOp u -> "expression";
      case Expr.GeneratorExp g -> "generator expression";
      case Expr.Yield y -> "yield expression";
      case Expr.YieldFrom y -> "yield expression";
      case Expr.Await a -> "await expression";
      case Expr.ListComp l -> "list comprehension";
      case Expr.SetComp s -> "set comprehension";
      case Expr.DictComp d -> "dict comprehension";
      case Expr.Dict d -> "dict literal";
      case Expr.SetExpr s -> "set display";
      case Expr.JoinedStr j -> "f-string expression";
      case Expr.FormattedValue f -> "f-string expression";
      case Expr.TemplateStr ts -> "t-string expression";
      case Expr.Interpolation i -> "t-string expression";
      case Expr.Constant c ->
          switch (c.value()) {
            case ConstantValue.NoneValue nv -> "None";
            case ConstantValue.Bool b -> b.value() ? "True" : "False";
            case ConstantValue.EllipsisValue el -> "ellipsis";
            default -> "literal";
          };
      case Expr.Compare c -> "comparison";
      case Expr.IfExp i -> "conditional expression";
      case Expr.NamedExpr ne -> "named expression";
      case Expr.Slice s -> "slice";
    };
  }

  /** Rebuilds a target expression with {@code ctx}. */
  static Expr withCtx(Expr e, ExprContext ctx) {
    return switch (e) {
      case Expr.Name nm -> nm.ctx() == ctx ? nm : new Expr.Name(nm.range(), nm.id(), ctx);
      case Expr.Attribute a -> new Expr.Attribute(a.range(), a.value(), a.attr(), ctx);
      case Expr.Subscript s -> new Expr.Subscript(s.range(), s.value(), s.slice(), ctx);
      case Expr.Starred s -> new Expr.Starred(s.range(), withCtx(s.value(), ctx), ctx);
      case Expr.Tuple tu -> new Expr.Tuple(tu.range(), mapCtx(tu.elts(), ctx), ctx);
      case Expr.ListExpr l -> new Expr.ListExpr(l.range(), mapCtx(l.elts(), ctx), ctx);
      default -> e;
    };
  }

  private static List<Expr> mapCtx(List<Expr> elts, ExprContext ctx) {
    List<Expr> out = new ArrayList<>(elts.size());
    for (Expr x : elts) {
      out.add(withCtx(x, ctx));
    }
    return out;
  }

  /** The targets of a for loop or comprehension, and its 'in', with CPython's messages. */
  final Expr forTargets(boolean comprehension) {
    int mark = p;
    ParseError targetError = null;
    try {
      Expr target = starTargets();
      if (eatKw(K_IN)) {
        return target;
      }
    } catch (ParseError e) {
      targetError = e;
    }
    if (at(ERROR)) {
      throw syntaxErrorHere();
    }
    int failAt = p;
    // CPython's invalid_for_if_clause / invalid_for_target
    p = mark;
    List<Expr> parts = new ArrayList<>();
    try {
      parts.add(at(STAR) ? starExpression() : bitwiseOr());
      while (eat(COMMA) && !atKw(K_IN)) {
        parts.add(at(STAR) ? starExpression() : bitwiseOr());
      }
    } catch (ParseError e) {
      p = failAt;
      if (targetError != null) {
        throw targetError;
      }
      throw syntaxErrorHere();
    }
    if (atKw(K_IN)) {
      for (Expr x : parts) {
        Expr bad = invalidTarget(x, false);
        if (bad != null) {
          throw error("cannot assign to " + exprName(bad), bad.range());
        }
      }
    }
    if (comprehension) {
      throw error("'in' expected after for-loop variables", tokRange(p));
    }
    p = failAt;
    if (targetError != null) {
      throw targetError;
    }
    throw syntaxErrorHere();
  }

  /** CPython's star_targets: targets separated by commas, stopping before 'in' or '='. */
  private Expr starTargets() {
    int start = p;
    Expr first = starTarget();
    if (!at(COMMA)) {
      return first;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(first);
    while (eat(COMMA)) {
      if (atKw(K_IN) || at(EQUAL) || at(RPAR) || at(COLON)) {
        break;
      }
      elts.add(starTarget());
    }
    return new Expr.Tuple(rng(start), elts, ExprContext.Store);
  }

  final Expr starTarget() {
    int start = p;
    if (eat(STAR)) {
      if (at(STAR)) {
        throw syntaxErrorHere();
      }
      Expr inner = starTarget();
      return new Expr.Starred(rng(start), inner, ExprContext.Store);
    }
    Expr e = primary();
    return toTarget(e, ExprContext.Store, start);
  }
}
