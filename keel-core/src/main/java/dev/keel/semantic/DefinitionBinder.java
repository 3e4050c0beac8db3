package dev.keel.semantic;

import dev.keel.python.ParseResult;
import dev.keel.python.ast.Arg;
import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TypeParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Definitions: functions and lambdas (their arguments, defaults and deferred bodies), classes, type
 * parameters and {@code type} aliases, and the unused-assignment check at the end of a function.
 */
abstract class DefinitionBinder extends ImportBinder {
  DefinitionBinder(ParseResult parse, ModuleContext context) {
    super(parse, context);
  }

  final void function(
      Stmt def,
      String name,
      Arguments args,
      List<Expr> decorators,
      Expr returns,
      List<TypeParam> typeParams,
      List<Stmt> body) {
    handleAll(decorators, def);
    boolean generic = !typeParams.isEmpty();
    if (generic) {
      typeParams(def, typeParams);
    }
    for (Arg a : allArgs(args)) {
      annotation(a.annotation(), def);
    }
    annotation(returns, def);
    defaults(args, def);
    deferBody(def, ScopeKind.FUNCTION, args, () -> handleAll(body, def));
    if (generic) {
      pop();
    }
    addBinding(def, binding(name, BindingKind.FUNCTION, def, reportRange(def, name)));
  }

  private void typeParams(Node owner, List<TypeParam> params) {
    push(ScopeKind.TYPE_PARAMS, owner);
    for (TypeParam t : params) {
      setParent(t, owner);
      String name =
          switch (t) {
            case TypeParam.TypeVar v -> v.name();
            case TypeParam.ParamSpec v -> v.name();
            case TypeParam.TypeVarTuple v -> v.name();
          };
      addBinding(t, binding(name, BindingKind.TYPE_PARAM, t, t.range()));
    }
    for (TypeParam t : params) {
      Expr bound = t instanceof TypeParam.TypeVar v ? v.bound() : null;
      Expr dflt =
          switch (t) {
            case TypeParam.TypeVar v -> v.defaultValue();
            case TypeParam.ParamSpec v -> v.defaultValue();
            case TypeParam.TypeVarTuple v -> v.defaultValue();
          };
      if (bound != null || dflt != null) {
        List<Scope> snapshot = new ArrayList<>(stack);
        deferredFunctions.add(
            new Deferred(
                () -> {
                  annotation(bound, t);
                  annotation(dflt, t);
                },
                snapshot));
      }
    }
  }

  private void defaults(Arguments args, Node owner) {
    setParent(args, owner);
    handleAll(args.defaults(), owner);
    for (Expr d : args.kwDefaults()) {
      handle(d, owner);
    }
  }

  private static List<Arg> allArgs(Arguments args) {
    List<Arg> all = new ArrayList<>(args.posonlyargs());
    all.addAll(args.args());
    if (args.vararg() != null) {
      all.add(args.vararg());
    }
    all.addAll(args.kwonlyargs());
    if (args.kwarg() != null) {
      all.add(args.kwarg());
    }
    return all;
  }

  private static List<Arg> argsInPyflakesOrder(Arguments args) {
    List<Arg> all = new ArrayList<>(args.posonlyargs());
    all.addAll(args.args());
    if (args.vararg() != null) {
      all.add(args.vararg());
    }
    all.addAll(args.kwonlyargs());
    if (args.kwarg() != null) {
      all.add(args.kwarg());
    }
    return all;
  }

  private void deferBody(Node def, ScopeKind kind, Arguments args, Runnable body) {
    defer(
        () -> {
          Scope s = push(kind, def);
          handleTypeComments(def);
          parents.put(args, def);
          for (Arg a : argsInPyflakesOrder(args)) {
            parents.put(a, args);
            addBinding(
                a,
                new Binding(
                    a.arg(),
                    BindingKind.ARGUMENT,
                    def,
                    a.range(),
                    a.range().start(),
                    null,
                    null,
                    null,
                    s));
          }
          body.run();
          List<Scope> snapshot = new ArrayList<>(stack);
          deferredAssignments.add(new Deferred(() -> checkUnusedAssignments(s), snapshot));
          pop();
        });
  }

  final void lambda(Expr.Lambda l) {
    defaults(l.args(), l);
    deferBody(l, ScopeKind.LAMBDA, l.args(), () -> handle(l.body(), l));
  }

  private void checkUnusedAssignments(Scope s) {
    Set<String> globals = functionGlobals.get(s);
    if (s.usesLocals) {
      return;
    }
    for (Binding b : s.bindings.values()) {
      if (!b.used
          && !b.name().equals("_")
          && !globals.contains(b.name())
          && b.kind().isAssignment()) {
        report(
            NameIssue.Kind.UNUSED_VARIABLE,
            b.name(),
            b.range(),
            b.source().range().start(),
            "local variable `" + b.name() + "` is assigned to but never used",
            b);
      }
    }
  }

  final void classDef(Stmt.ClassDef c) {
    handleAll(c.decoratorList(), c);
    boolean generic = !c.typeParams().isEmpty();
    if (generic) {
      typeParams(c, c.typeParams());
    }
    handleAll(c.bases(), c);
    handleAll(c.keywords(), c);
    push(ScopeKind.CLASS, c);
    handleAll(c.body(), c);
    pop();
    if (generic) {
      pop();
    }
    addBinding(c, binding(c.name(), BindingKind.CLASS, c, reportRange(c, c.name())));
  }

  final void typeAlias(Stmt.TypeAlias t) {
    if (t.name() instanceof Expr.Name n) {
      parents.put(n, t);
      addBinding(n, binding(n.id(), BindingKind.TYPE_ALIAS, n, n.range()));
    }
    boolean generic = !t.typeParams().isEmpty();
    if (generic) {
      typeParams(t, t.typeParams());
    }
    List<Scope> snapshot = new ArrayList<>(stack);
    deferredFunctions.add(new Deferred(() -> annotation(t.value(), t), snapshot));
    if (generic) {
      pop();
    }
  }
}
