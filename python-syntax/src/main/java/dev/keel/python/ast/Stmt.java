package dev.keel.python.ast;

import java.util.List;

/**
 * CPython's {@code stmt}. Records are named as CPython's node classes, except {@code Expr} (a
 * statement made of one expression), which is {@link ExprStmt} here. Optional fields are {@code
 * null} when absent. Type comments are not parsed, so {@code type_comment} fields are left out.
 */
public sealed interface Stmt extends Node {

  /** {@code def name[type_params](args) -> returns: body}, with decorators. */
  record FunctionDef(
      TextRange range,
      String name,
      Arguments args,
      List<Stmt> body,
      List<Expr> decoratorList,
      Expr returns,
      List<TypeParam> typeParams)
      implements Stmt {
    public FunctionDef {
      body = List.copyOf(body);
      decoratorList = List.copyOf(decoratorList);
      typeParams = List.copyOf(typeParams);
    }
  }

  /** {@code async def}. */
  record AsyncFunctionDef(
      TextRange range,
      String name,
      Arguments args,
      List<Stmt> body,
      List<Expr> decoratorList,
      Expr returns,
      List<TypeParam> typeParams)
      implements Stmt {
    public AsyncFunctionDef {
      body = List.copyOf(body);
      decoratorList = List.copyOf(decoratorList);
      typeParams = List.copyOf(typeParams);
    }
  }

  /** {@code class name[type_params](bases, keywords): body}, with decorators. */
  record ClassDef(
      TextRange range,
      String name,
      List<Expr> bases,
      List<Keyword> keywords,
      List<Stmt> body,
      List<Expr> decoratorList,
      List<TypeParam> typeParams)
      implements Stmt {
    public ClassDef {
      bases = List.copyOf(bases);
      keywords = List.copyOf(keywords);
      body = List.copyOf(body);
      decoratorList = List.copyOf(decoratorList);
      typeParams = List.copyOf(typeParams);
    }
  }

  /** {@code return value}; {@code value} may be null. */
  record Return(TextRange range, Expr value) implements Stmt {}

  /** {@code del targets}. */
  record Delete(TextRange range, List<Expr> targets) implements Stmt {
    public Delete {
      targets = List.copyOf(targets);
    }
  }

  /** {@code t1 = t2 = value}. */
  record Assign(TextRange range, List<Expr> targets, Expr value) implements Stmt {
    public Assign {
      targets = List.copyOf(targets);
    }
  }

  /** {@code type name[type_params] = value}. */
  record TypeAlias(TextRange range, Expr name, List<TypeParam> typeParams, Expr value)
      implements Stmt {
    public TypeAlias {
      typeParams = List.copyOf(typeParams);
    }
  }

  /** {@code target op= value}. */
  record AugAssign(TextRange range, Expr target, Operator op, Expr value) implements Stmt {}

  /**
   * {@code target: annotation = value}; {@code value} may be null; {@code simple} is true for a
   * plain unparenthesised name.
   */
  record AnnAssign(TextRange range, Expr target, Expr annotation, Expr value, boolean simple)
      implements Stmt {}

  /** {@code for target in iter: body else: orelse}. */
  record For(TextRange range, Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse)
      implements Stmt {
    public For {
      body = List.copyOf(body);
      orelse = List.copyOf(orelse);
    }
  }

  /** {@code async for}. */
  record AsyncFor(TextRange range, Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse)
      implements Stmt {
    public AsyncFor {
      body = List.copyOf(body);
      orelse = List.copyOf(orelse);
    }
  }

  /** {@code while test: body else: orelse}. */
  record While(TextRange range, Expr test, List<Stmt> body, List<Stmt> orelse) implements Stmt {
    public While {
      body = List.copyOf(body);
      orelse = List.copyOf(orelse);
    }
  }

  /** {@code if test: body else: orelse}; an {@code elif} is a nested If alone in orelse. */
  record If(TextRange range, Expr test, List<Stmt> body, List<Stmt> orelse) implements Stmt {
    public If {
      body = List.copyOf(body);
      orelse = List.copyOf(orelse);
    }
  }

  /** {@code with items: body}. */
  record With(TextRange range, List<WithItem> items, List<Stmt> body) implements Stmt {
    public With {
      items = List.copyOf(items);
      body = List.copyOf(body);
    }
  }

  /** {@code async with}. */
  record AsyncWith(TextRange range, List<WithItem> items, List<Stmt> body) implements Stmt {
    public AsyncWith {
      items = List.copyOf(items);
      body = List.copyOf(body);
    }
  }

  /** {@code match subject: cases}. */
  record Match(TextRange range, Expr subject, List<MatchCase> cases) implements Stmt {
    public Match {
      cases = List.copyOf(cases);
    }
  }

  /** {@code raise exc from cause}; both may be null. */
  record Raise(TextRange range, Expr exc, Expr cause) implements Stmt {}

  /** {@code try/except/else/finally}. */
  record Try(
      TextRange range,
      List<Stmt> body,
      List<ExceptHandler> handlers,
      List<Stmt> orelse,
      List<Stmt> finalbody)
      implements Stmt {
    public Try {
      body = List.copyOf(body);
      handlers = List.copyOf(handlers);
      orelse = List.copyOf(orelse);
      finalbody = List.copyOf(finalbody);
    }
  }

  /** {@code try/except*}. */
  record TryStar(
      TextRange range,
      List<Stmt> body,
      List<ExceptHandler> handlers,
      List<Stmt> orelse,
      List<Stmt> finalbody)
      implements Stmt {
    public TryStar {
      body = List.copyOf(body);
      handlers = List.copyOf(handlers);
      orelse = List.copyOf(orelse);
      finalbody = List.copyOf(finalbody);
    }
  }

  /** {@code assert test, msg}; {@code msg} may be null. */
  record Assert(TextRange range, Expr test, Expr msg) implements Stmt {}

  /** {@code import names}. */
  record Import(TextRange range, List<Alias> names) implements Stmt {
    public Import {
      names = List.copyOf(names);
    }
  }

  /** {@code from ..module import names}; {@code module} may be null. */
  record ImportFrom(TextRange range, String module, List<Alias> names, int level) implements Stmt {
    public ImportFrom {
      names = List.copyOf(names);
    }
  }

  /** {@code global names}. */
  record Global(TextRange range, List<String> names) implements Stmt {
    public Global {
      names = List.copyOf(names);
    }
  }

  /** {@code nonlocal names}. */
  record Nonlocal(TextRange range, List<String> names) implements Stmt {
    public Nonlocal {
      names = List.copyOf(names);
    }
  }

  /** CPython's {@code Expr} statement: an expression evaluated for its effect. */
  record ExprStmt(TextRange range, Expr value) implements Stmt {}

  /** {@code pass}. */
  record Pass(TextRange range) implements Stmt {}

  /** {@code break}. */
  record Break(TextRange range) implements Stmt {}

  /** {@code continue}. */
  record Continue(TextRange range) implements Stmt {}
}
