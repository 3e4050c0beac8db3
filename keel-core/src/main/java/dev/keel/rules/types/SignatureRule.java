package dev.keel.rules.types;

import dev.keel.metrics.FunctionSyntax;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Operator;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The common walk of the {@code TYP} rules: the defs of the file, each with whether it is public
 * API. The rules judge in {@link #finish}, when the whole module is known (module coverage needs
 * every def).
 */
abstract class SignatureRule implements FileRule {
  /** A def and whether it is public: not in a test, not private, not nested in a function. */
  record Def(FunctionSyntax syntax, boolean isPublic, List<FunctionSyntax.Parameter> parameters) {
    Def(FunctionSyntax syntax, boolean isPublic) {
      this(syntax, isPublic, syntax.parameters());
    }
  }

  /** Shared by the four rules: the first to see a node records it, the others find it there. */
  private static final class Collected {
    final List<Def> defs = new ArrayList<>();
    // The walk hands a def to the four rules one after another, before any other node.
    Node last;
    Boolean publicModule;
  }

  private static final FileVisit.Memo<Collected> COLLECTED = FileVisit.Memo.of(Collected::new);

  @Override
  public final Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Stmt.FunctionDef.class, Stmt.AsyncFunctionDef.class);
  }

  @Override
  public final void visit(Node node, FileVisit file) {
    Collected c = file.memo(COLLECTED);
    if (c.last == node) {
      return;
    }
    c.last = node;
    file.function(node).ifPresent(def -> c.defs.add(new Def(def, isPublic(def, c, file))));
  }

  @Override
  public final void finish(FileVisit file) {
    Collected c = file.memo(COLLECTED);
    check(c.defs, new TypingNames(file), file);
  }

  abstract void check(List<Def> defs, TypingNames names, FileVisit file);

  private static boolean isPublic(FunctionSyntax def, Collected collected, FileVisit file) {
    if (file.isTest() || def.nested() || !isPublicName(def.name())) {
      return false;
    }
    for (Node a : file.ancestors()) {
      if (a instanceof Stmt.ClassDef c && !isPublicName(c.name())) {
        return false;
      }
    }
    if (collected.publicModule == null) {
      collected.publicModule = isPublicModule(file);
    }
    return collected.publicModule;
  }

  private static boolean isPublicModule(FileVisit file) {
    String module = file.module().orElse(file.path().replaceAll("\\.pyi?$", "").replace('/', '.'));
    for (String part : module.split("\\.")) {
      if (!isPublicName(part)) {
        return false;
      }
    }
    return true;
  }

  /** {@code name} and {@code __name__} are public, {@code _name} and {@code __name} are not. */
  static boolean isPublicName(String name) {
    return !name.startsWith("_")
        || name.length() > 4 && name.startsWith("__") && name.endsWith("__");
  }

  /** What a def is called in messages. */
  static String describe(FunctionSyntax def) {
    return (def.method() ? "method `" : "function `") + def.qualifiedName() + "`";
  }

  /**
   * The annotation as an expression: a string annotation ({@code "Foo | None"}) parsed, or empty if
   * it does not parse; any other annotation as it is.
   */
  static Optional<Expr> unquote(Expr annotation) {
    if (annotation instanceof Expr.Constant c && c.value() instanceof ConstantValue.Str s) {
      ParseResult parsed = PythonParser.parse(s.value().strip());
      if (parsed.ok()
          && parsed.module().body().size() == 1
          && parsed.module().body().get(0) instanceof Stmt.ExprStmt e) {
        return Optional.of(e.value());
      }
      return Optional.empty();
    }
    return Optional.of(annotation);
  }

  /**
   * The members of a union spelled {@code Optional[X]}, {@code Union[X, Y]} or {@code X | Y},
   * flattened, with {@code Annotated[X, …]} read as {@code X}; any other annotation is a union of
   * itself. {@code Optional[X]} gives {@code X} and a {@code None} constant.
   */
  static List<Expr> unionMembers(Expr e, TypingNames names) {
    List<Expr> out = new ArrayList<>();
    members(e, names, out);
    return out;
  }

  private static void members(Expr e, TypingNames names, List<Expr> out) {
    switch (e) {
      case Expr.BinOp b when b.op() == Operator.BitOr -> {
        members(b.left(), names, out);
        members(b.right(), names, out);
      }
      case Expr.Subscript s when names.isTyping(s.value(), "Optional") -> {
        members(s.slice(), names, out);
        out.add(new Expr.Constant(s.range(), new ConstantValue.NoneValue(), null));
      }
      case Expr.Subscript s when names.isTyping(s.value(), "Union") -> {
        if (s.slice() instanceof Expr.Tuple t) {
          for (Expr x : t.elts()) {
            members(x, names, out);
          }
        } else {
          members(s.slice(), names, out);
        }
      }
      case Expr.Subscript s when names.isTyping(s.value(), "Annotated") -> {
        if (s.slice() instanceof Expr.Tuple t && !t.elts().isEmpty()) {
          members(t.elts().get(0), names, out);
        } else {
          out.add(e);
        }
      }
      default -> out.add(e);
    }
  }
}
