package dev.keel.metrics;

import dev.keel.python.ast.Arg;
import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code def} or {@code async def}, seen the same way whichever it is, with where it sits: its
 * qualified name and whether it is a method.
 *
 * @param node the {@link Stmt.FunctionDef} or {@link Stmt.AsyncFunctionDef}
 * @param qualifiedName as Python's {@code __qualname__}: {@code Class.method}, {@code
 *     outer.<locals>.inner}
 * @param method whether the def sits directly in a class body (also inside an {@code if} there)
 * @param nested whether the def sits inside another function
 */
public record FunctionSyntax(
    Stmt node,
    String name,
    Arguments args,
    List<Stmt> body,
    List<Expr> decorators,
    Expr returns,
    String qualifiedName,
    boolean method,
    boolean nested) {

  /** The def {@code node}, if it is one, given the nodes that enclose it (outermost first). */
  public static Optional<FunctionSyntax> of(Node node, List<Node> ancestors) {
    StringBuilder prefix = new StringBuilder();
    Node innermost = null;
    boolean nested = false;
    for (int i = 0, size = ancestors.size(); i < size; i++) {
      Node a = ancestors.get(i);
      switch (a) {
        case Stmt.ClassDef c -> {
          prefix.append(c.name()).append('.');
          innermost = a;
        }
        case Stmt.FunctionDef f -> {
          prefix.append(f.name()).append(".<locals>.");
          innermost = a;
          nested = true;
        }
        case Stmt.AsyncFunctionDef f -> {
          prefix.append(f.name()).append(".<locals>.");
          innermost = a;
          nested = true;
        }
        default -> {}
      }
    }
    boolean method = innermost instanceof Stmt.ClassDef;
    return switch (node) {
      case Stmt.FunctionDef f ->
          Optional.of(
              new FunctionSyntax(
                  f,
                  f.name(),
                  f.args(),
                  f.body(),
                  f.decoratorList(),
                  f.returns(),
                  prefix.append(f.name()).toString(),
                  method,
                  nested));
      case Stmt.AsyncFunctionDef f ->
          Optional.of(
              new FunctionSyntax(
                  f,
                  f.name(),
                  f.args(),
                  f.body(),
                  f.decoratorList(),
                  f.returns(),
                  prefix.append(f.name()).toString(),
                  method,
                  nested));
      default -> Optional.empty();
    };
  }

  /** Whether a method is decorated {@code @staticmethod}, so it has no receiver. */
  public boolean isStaticMethod() {
    for (int i = 0, size = decorators.size(); i < size; i++) {
      Expr d = decorators.get(i);
      if (d instanceof Expr.Name n && n.id().equals("staticmethod")
          || d instanceof Expr.Attribute a && a.attr().equals("staticmethod")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The receiver of a method ({@code self}, {@code cls}: its first positional parameter unless it
   * is a static method), which is neither counted nor expected to be annotated.
   */
  public Optional<Arg> receiver() {
    if (!method || isStaticMethod()) {
      return Optional.empty();
    }
    if (!args.posonlyargs().isEmpty()) {
      return Optional.of(args.posonlyargs().get(0));
    }
    if (!args.args().isEmpty()) {
      return Optional.of(args.args().get(0));
    }
    return Optional.empty();
  }

  /** Every parameter in order, {@code *args} and {@code **kwargs} included, the receiver not. */
  public List<Parameter> parameters() {
    Arg receiver = receiver().orElse(null);
    List<Parameter> out = new ArrayList<>();
    List<Arg> positional = new ArrayList<>(args.posonlyargs());
    positional.addAll(args.args());
    int firstDefault = positional.size() - args.defaults().size();
    for (int i = 0; i < positional.size(); i++) {
      Arg a = positional.get(i);
      if (a != receiver) {
        Expr dflt = i >= firstDefault ? args.defaults().get(i - firstDefault) : null;
        out.add(new Parameter(a, Parameter.Kind.NAMED, dflt));
      }
    }
    if (args.vararg() != null) {
      out.add(new Parameter(args.vararg(), Parameter.Kind.VARARGS, null));
    }
    for (int i = 0; i < args.kwonlyargs().size(); i++) {
      Expr dflt = i < args.kwDefaults().size() ? args.kwDefaults().get(i) : null;
      out.add(new Parameter(args.kwonlyargs().get(i), Parameter.Kind.NAMED, dflt));
    }
    if (args.kwarg() != null) {
      out.add(new Parameter(args.kwarg(), Parameter.Kind.KWARGS, null));
    }
    return out;
  }

  /** Whether a return annotation is expected: everywhere but on {@code __init__}. */
  public boolean expectsReturnAnnotation() {
    return !name.equals("__init__");
  }

  /** One parameter of a def, with its default ({@code null} if none). */
  public record Parameter(Arg arg, Kind kind, Expr defaultValue) {
    /** Named parameters are counted by {@code CPX003}; {@code *args}, {@code **kwargs} are not. */
    public enum Kind {
      NAMED,
      VARARGS,
      KWARGS
    }

    public String name() {
      return arg.arg();
    }
  }
}
