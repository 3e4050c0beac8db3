package dev.keel.rules.reliability;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Arg;
import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleSpec(
    code = "REL007",
    summary =
        "a decorator returns its wrapper without functools.wraps: the name, docstring and"
            + " signature of the wrapped function are lost",
    severity = Severity.INFO,
    effortMinutes = 5)
final class DecoratorWithoutWraps implements FileRule {
  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Stmt.FunctionDef.class, Stmt.AsyncFunctionDef.class);
  }

  @Override
  public void visit(Node node, FileVisit file) {
    Arguments args;
    List<Stmt> body;
    switch (node) {
      case Stmt.FunctionDef f -> {
        args = f.args();
        body = f.body();
      }
      case Stmt.AsyncFunctionDef f -> {
        args = f.args();
        body = f.body();
      }
      default -> {
        return;
      }
    }
    if (!definesFunction(body)) {
      return; // most functions: no inner function to be a wrapper
    }
    Set<String> params = new HashSet<>();
    for (Arg a : args.posonlyargs()) {
      params.add(a.arg());
    }
    for (Arg a : args.args()) {
      params.add(a.arg());
    }
    params.remove("self");
    params.remove("cls");
    if (params.isEmpty()) {
      return;
    }
    Set<String> returned = new HashSet<>();
    boolean updatesWrapper = false;
    for (Stmt s : body) {
      if (s instanceof Stmt.Return r && r.value() instanceof Expr.Name n) {
        returned.add(n.id());
      }
      if (s instanceof Stmt.ExprStmt e
          && e.value() instanceof Expr.Call c
          && file.qualifiedName(c.func()).filter("functools.update_wrapper"::equals).isPresent()) {
        updatesWrapper = true;
      }
    }
    if (updatesWrapper) {
      return;
    }
    for (Stmt s : body) {
      String name;
      List<Expr> decorators;
      List<Stmt> innerBody;
      Arguments innerArgs;
      if (s instanceof Stmt.FunctionDef f) {
        name = f.name();
        decorators = f.decoratorList();
        innerBody = f.body();
        innerArgs = f.args();
      } else if (s instanceof Stmt.AsyncFunctionDef f) {
        name = f.name();
        decorators = f.decoratorList();
        innerBody = f.body();
        innerArgs = f.args();
      } else {
        continue;
      }
      // A decorator takes the one function it wraps, or its wrapper passes everything on; a
      // factory of several parameters returning a closure is something else.
      boolean decoratorShape =
          params.size() == 1 || innerArgs.vararg() != null || innerArgs.kwarg() != null;
      if (!decoratorShape) {
        continue;
      }
      if (!returned.contains(name) || decorators.stream().anyMatch(d -> isWraps(d, file))) {
        continue;
      }
      // A wrapper calls the function it wraps; a decorator factory's inner decorator does not.
      boolean callsWrapped =
          Syntax.anyInScope(
              innerBody,
              n ->
                  n instanceof Expr.Call c
                      && c.func() instanceof Expr.Name fn
                      && params.contains(fn.id()));
      if (callsWrapped) {
        int start = s.range().start();
        int at = file.text().indexOf(name, start);
        file.report(
            start,
            at < 0 ? start + 3 : at + name.length(),
            "'"
                + name
                + "' wraps a function without @functools.wraps: the wrapped function's name,"
                + " docstring and signature are lost");
      }
    }
  }

  private static boolean isWraps(Expr d, FileVisit file) {
    Expr target = d instanceof Expr.Call c ? c.func() : d;
    // Unresolved when the module also uses the name otherwise (Mock's `wraps=` parameter).
    String q = file.qualifiedName(target).orElse(file.text(target));
    return q.equals("wraps") || q.endsWith(".wraps");
  }

  private static boolean definesFunction(List<Stmt> body) {
    for (Stmt s : body) {
      if (s instanceof Stmt.FunctionDef || s instanceof Stmt.AsyncFunctionDef) {
        return true;
      }
    }
    return false;
  }
}
