package dev.keel.semantic;

import dev.keel.python.ParseResult;
import dev.keel.python.ast.Alias;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements that bind names their own way: {@code import}, {@code from … import}, {@code try} and
 * its {@code except … as} handlers, {@code global} and {@code nonlocal}.
 */
abstract class ImportBinder extends NameBinder {
  ImportBinder(ParseResult parse, ModuleContext context) {
    super(parse, context);
  }

  /** Implemented in {@link Binder}. */
  abstract void handleAll(List<? extends Node> nodes, Node parent);

  final void tryStatement(
      Stmt t, List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> fin) {
    List<String> names = new ArrayList<>();
    for (ExceptHandler h : handlers) {
      if (h.type() instanceof Expr.Tuple tuple) {
        for (Expr e : tuple.elts()) {
          names.add(e instanceof Expr.Name n ? n.id() : null);
        }
      } else if (h.type() != null) {
        names.add(h.type() instanceof Expr.Name n ? n.id() : null);
      }
    }
    exceptHandlers.push(names);
    handleAll(body, t);
    exceptHandlers.pop();
    handleAll(handlers, t);
    handleAll(orelse, t);
    handleAll(fin, t);
  }

  final void exceptHandler(ExceptHandler h) {
    String name = h.name();
    if (name == null) {
      handle(h.type(), h);
      handleAll(h.body(), h);
      return;
    }
    if (scope().bindings.containsKey(name)) {
      store(h, name);
    }
    Binding previous = scope().bindings.remove(name);
    store(h, name);
    handle(h.type(), h);
    handleAll(h.body(), h);
    Binding b = scope().bindings.remove(name);
    if (b != null && !b.used) {
      report(
          NameIssue.Kind.UNUSED_VARIABLE,
          name,
          reportRange(h, name),
          h.range().start(),
          "local variable `" + name + "` is assigned to but never used",
          b);
    }
    if (previous != null) {
      scope().bindings.put(name, previous);
    }
  }

  final void importStatement(Stmt.Import i) {
    for (Alias a : i.names()) {
      setParent(a, i);
      Binding b;
      if (a.name().contains(".") && a.asname() == null) {
        String top = a.name().substring(0, a.name().indexOf('.'));
        b =
            new Binding(
                top,
                BindingKind.SUBMODULE_IMPORT,
                i,
                a.range(),
                i.range().start(),
                a.name(),
                top,
                null,
                scope());
      } else {
        String name = a.asname() != null ? a.asname() : a.name();
        b =
            new Binding(
                name,
                BindingKind.IMPORT,
                i,
                a.range(),
                i.range().start(),
                a.name(),
                a.name(),
                null,
                scope());
        b.explicitReExport = a.name().equals(a.asname());
      }
      addBinding(i, b);
    }
  }

  final void importFrom(Stmt.ImportFrom i) {
    String module = ".".repeat(i.level()) + (i.module() == null ? "" : i.module());
    String absolute = context.absoluteModule(i.level(), i.module());
    for (Alias a : i.names()) {
      setParent(a, i);
      String name = a.asname() != null ? a.asname() : a.name();
      Binding b;
      if (i.level() == 0 && "__future__".equals(i.module())) {
        b =
            new Binding(
                name,
                BindingKind.FUTURE_IMPORT,
                i,
                a.range(),
                i.range().start(),
                "__future__." + a.name(),
                "__future__." + a.name(),
                "__future__",
                scope());
        b.used = true;
        if (a.name().equals("annotations") && scope().kind() == ScopeKind.MODULE) {
          annotationsFuture = true;
        }
      } else if (a.name().equals("*")) {
        if (scope().kind() != ScopeKind.MODULE) {
          continue;
        }
        scope().importStarred = true;
        b =
            new Binding(
                module + ".*",
                BindingKind.STAR_IMPORT,
                i,
                a.range(),
                i.range().start(),
                module,
                absolute,
                module,
                scope());
      } else {
        String written = module.endsWith(".") ? module + a.name() : module + "." + a.name();
        String qualified = absolute.isEmpty() ? a.name() : absolute + "." + a.name();
        b =
            new Binding(
                name,
                BindingKind.FROM_IMPORT,
                i,
                a.range(),
                i.range().start(),
                written,
                qualified,
                module,
                scope());
        b.explicitReExport = a.name().equals(a.asname());
      }
      addBinding(i, b);
    }
  }

  final void declare(Stmt s, List<String> names) {
    Scope global = stack.get(0);
    if (scope() == global) {
      return;
    }
    for (String name : names) {
      Binding value =
          new Binding(
              name,
              BindingKind.DECLARATION,
              s,
              s.range(),
              s.range().start(),
              null,
              null,
              null,
              global);
      value.used = true;
      issues.removeIf(i -> i.kind() == NameIssue.Kind.UNDEFINED_NAME && i.name().equals(name));
      global.bindings.putIfAbsent(name, value);
      for (int k = 1; k < stack.size(); k++) {
        stack.get(k).bindings.put(name, value);
      }
    }
  }
}
