package dev.keel.semantic;

import dev.keel.python.ParseResult;
import dev.keel.python.ast.Alias;
import dev.keel.python.ast.Arg;
import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.Comprehension;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Keyword;
import dev.keel.python.ast.MatchCase;
import dev.keel.python.ast.Mod;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Pattern;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import dev.keel.python.ast.TypeParam;
import dev.keel.python.ast.WithItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds the names of one module the way pyflakes does, so that Keel's name rules agree with it:
 * module and class bodies are walked in order, function and lambda bodies afterwards (when every
 * module-level name exists), annotations of {@code from __future__ import annotations} modules and
 * string annotations last. Lookups follow Python's rules (class scopes are invisible to nested
 * functions; a walrus in a comprehension binds in the enclosing function).
 *
 * <p>This class holds the entry point ({@link #run()}), the walk over statements and the checks at
 * the end of the module; the other areas are in the classes it extends, starting at {@link
 * ScopeBinder}.
 */
final class Binder extends ExpressionBinder {
  Binder(ParseResult parse, ModuleContext context) {
    super(parse, context);
  }

  Scope run() {
    Mod.Module module = parse.module();
    moduleScope = push(ScopeKind.MODULE, module);
    exceptHandlers.push(List.of());
    collectTypeComments();
    Set<String> builtins = new HashSet<>(PythonTables.get().builtins(context.version()));
    builtins.addAll(MODULE_MAGIC);
    if (context.interactive()) {
      builtins.addAll(ModuleContext.IPYTHON_NAMES);
    }
    for (String b : builtins) {
      Binding binding =
          new Binding(
              b,
              BindingKind.BUILTIN,
              null,
              new TextRange(0, 0),
              0,
              b,
              "builtins." + b,
              null,
              moduleScope);
      moduleScope.bindings.put(b, binding);
    }
    importedOrBuiltin.addAll(builtins);
    for (Stmt s : module.body()) {
      handle(s, module);
    }
    inDeferred = true;
    for (int i = 0; i < deferredFunctions.size(); i++) {
      Deferred d = deferredFunctions.get(i);
      stack = new ArrayList<>(d.stack());
      d.action().run();
    }
    for (int i = 0; i < deferredAssignments.size(); i++) {
      Deferred d = deferredAssignments.get(i);
      stack = new ArrayList<>(d.stack());
      d.action().run();
    }
    while (stack.size() > 1) {
      stack.remove(stack.size() - 1);
    }
    pop();
    checkDeadScopes();
    return moduleScope;
  }

  @Override
  void handleAll(List<? extends Node> nodes, Node parent) {
    for (Node n : nodes) {
      handle(n, parent);
    }
  }

  @Override
  void handle(Node n, Node parent) {
    if (n == null) {
      return;
    }
    parents.put(n, parent);
    switch (n) {
      case Stmt s -> statement(s);
      case Expr e -> expression(e);
      case Pattern p -> pattern(p);
      case ExceptHandler h -> exceptHandler(h);
      case Comprehension c -> {
        handle(c.iter(), c);
        handle(c.target(), c);
        handleAll(c.ifs(), c);
      }
      case Keyword k -> handle(k.value(), k);
      case WithItem w -> {
        handle(w.contextExpr(), w);
        handle(w.optionalVars(), w);
      }
      case MatchCase m -> {
        handle(m.pattern(), m);
        handle(m.guard(), m);
        handleAll(m.body(), m);
      }
      case Arguments a -> {}
      case Arg a -> {}
      case Alias a -> {}
      case TypeParam t -> {}
      case Mod m -> {}
    }
  }

  private void statement(Stmt s) {
    if (Thread.currentThread().isInterrupted()) {
      // The file ran past its deadline and was abandoned: stop here rather than finish unseen.
      throw new java.util.concurrent.CancellationException("binding abandoned");
    }
    switch (s) {
      case Stmt.FunctionDef f ->
          function(f, f.name(), f.args(), f.decoratorList(), f.returns(), f.typeParams(), f.body());
      case Stmt.AsyncFunctionDef f ->
          function(f, f.name(), f.args(), f.decoratorList(), f.returns(), f.typeParams(), f.body());
      case Stmt.ClassDef c -> classDef(c);
      case Stmt.Return r -> {
        if (!inFunction()) {
          return;
        }
        handle(r.value(), r);
      }
      case Stmt.Delete d -> handleAll(d.targets(), d);
      case Stmt.Assign a -> {
        handleTypeComments(a);
        handle(a.value(), a);
        handleAll(a.targets(), a);
      }
      case Stmt.TypeAlias t -> typeAlias(t);
      case Stmt.AugAssign a -> {
        if (a.target() instanceof Expr.Name n) {
          load(n);
        }
        handle(a.value(), a);
        handle(a.target(), a);
      }
      case Stmt.AnnAssign a -> {
        handle(a.target(), a);
        annotation(a.annotation(), a);
        if (a.value() != null) {
          if (isTyping(a.annotation(), "TypeAlias")) {
            annotation(a.value(), a);
          } else {
            handle(a.value(), a);
          }
        }
      }
      case Stmt.For f -> {
        handleTypeComments(f);
        handle(f.iter(), f);
        handle(f.target(), f);
        handleAll(f.body(), f);
        handleAll(f.orelse(), f);
      }
      case Stmt.AsyncFor f -> {
        handleTypeComments(f);
        handle(f.iter(), f);
        handle(f.target(), f);
        handleAll(f.body(), f);
        handleAll(f.orelse(), f);
      }
      case Stmt.While w -> {
        handle(w.test(), w);
        handleAll(w.body(), w);
        handleAll(w.orelse(), w);
      }
      case Stmt.If i -> {
        handle(i.test(), i);
        handleAll(i.body(), i);
        handleAll(i.orelse(), i);
      }
      case Stmt.With w -> {
        handleTypeComments(w);
        handleAll(w.items(), w);
        handleAll(w.body(), w);
      }
      case Stmt.AsyncWith w -> {
        handleTypeComments(w);
        handleAll(w.items(), w);
        handleAll(w.body(), w);
      }
      case Stmt.Match m -> {
        handle(m.subject(), m);
        handleAll(m.cases(), m);
      }
      case Stmt.Raise r -> {
        handle(r.exc(), r);
        handle(r.cause(), r);
      }
      case Stmt.Try t -> tryStatement(t, t.body(), t.handlers(), t.orelse(), t.finalbody());
      case Stmt.TryStar t -> tryStatement(t, t.body(), t.handlers(), t.orelse(), t.finalbody());
      case Stmt.Assert a -> {
        handle(a.test(), a);
        handle(a.msg(), a);
      }
      case Stmt.Import i -> importStatement(i);
      case Stmt.ImportFrom i -> importFrom(i);
      case Stmt.Global g -> declare(g, g.names());
      case Stmt.Nonlocal nl -> declare(nl, nl.names());
      case Stmt.ExprStmt e -> handle(e.value(), e);
      case Stmt.Pass p -> {}
      case Stmt.Break b -> {}
      case Stmt.Continue c -> {}
    }
  }

  private void checkDeadScopes() {
    for (Scope s : deadScopes) {
      if (s.kind() == ScopeKind.CLASS) {
        continue;
      }
      Binding all = s.bindings.get("__all__");
      if (all != null && all.kind() != BindingKind.EXPORT) {
        all = null;
      }
      Set<String> allNames = all == null ? Set.of() : new HashSet<>(all.exportNames);
      if (all != null) {
        List<String> undefined = new ArrayList<>();
        for (String n : all.exportNames) {
          if (!s.bindings.containsKey(n)) {
            undefined.add(n);
          }
        }
        if (!undefined.isEmpty()) {
          if (!s.importStarred && !context.isPackageInit()) {
            for (String n : undefined) {
              report(
                  NameIssue.Kind.UNDEFINED_NAME,
                  n,
                  all.source().range(),
                  all.source().range().start(),
                  "undefined name `" + n + "` in `__all__`");
            }
          }
          if (s.importStarred) {
            for (Binding b : s.bindings.values()) {
              if (b.kind() == BindingKind.STAR_IMPORT) {
                b.used = true;
              }
            }
          }
        }
      }
      for (Binding b : s.bindings.values()) {
        if (!b.kind().isImport()) {
          continue;
        }
        boolean used = b.used || allNames.contains(b.name());
        if (!used) {
          report(
              NameIssue.Kind.UNUSED_IMPORT,
              b.name(),
              b.range(),
              b.statementStart(),
              "`" + b.describe() + "` imported but unused",
              b);
        }
        for (Node node : b.redefinedBy) {
          Node p = statementParent(node);
          if (p instanceof Stmt.For || p instanceof Stmt.AsyncFor || used) {
            continue;
          }
          report(
              NameIssue.Kind.REDEFINED_UNUSED,
              b.name(),
              reportRange(node, b.name()),
              node.range().start(),
              "redefinition of unused `"
                  + b.name()
                  + "` from line "
                  + parse.lines().line(b.statementStart()),
              b);
        }
      }
    }
  }
}
