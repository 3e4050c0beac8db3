package dev.keel.rule;

import dev.keel.python.ast.Alias;
import dev.keel.python.ast.Arg;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.ExprContext;
import dev.keel.python.ast.Mod;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the names of one module stand for through its imports, so a rule can ask whether a call is
 * {@code requests.get} rather than matching a bare name. Conservative: a name that the module also
 * binds some other way (assignment, def, parameter, loop target…), or imports from two places,
 * resolves to nothing, so a local variable never passes for an import.
 */
final class ImportNames {
  private final Map<String, String> imported = new HashMap<>();
  private final Set<String> ambiguous = new HashSet<>();
  private final Set<String> boundOtherwise = new HashSet<>();
  private final String packageName;

  private ImportNames(String module, boolean isPackage) {
    int dot = module.lastIndexOf('.');
    this.packageName = isPackage ? module : dot < 0 ? "" : module.substring(0, dot);
  }

  static ImportNames of(Mod.Module tree, String module, boolean isPackage) {
    ImportNames names = new ImportNames(module, isPackage);
    names.collect(tree);
    return names;
  }

  /** The dotted name {@code e} stands for, such as {@code os.path.join}, if it is an import. */
  Optional<String> qualifiedName(Expr e) {
    return switch (e) {
      case Expr.Name n -> resolve(n.id());
      case Expr.Attribute a -> qualifiedName(a.value()).map(q -> q + "." + a.attr());
      default -> Optional.empty();
    };
  }

  private Optional<String> resolve(String id) {
    if (ambiguous.contains(id) || boundOtherwise.contains(id)) {
      return Optional.empty();
    }
    String q = imported.get(id);
    if (q != null) {
      return Optional.of(q);
    }
    return BUILTINS.contains(id) ? Optional.of("builtins." + id) : Optional.empty();
  }

  private void collect(Node n) {
    switch (n) {
      case Stmt.Import i -> {
        for (Alias a : i.names()) {
          if (a.asname() != null) {
            bindImport(a.asname(), a.name());
          } else {
            String top =
                a.name().contains(".") ? a.name().substring(0, a.name().indexOf('.')) : a.name();
            bindImport(top, top);
          }
        }
      }
      case Stmt.ImportFrom f -> {
        String base = base(f.module(), f.level());
        for (Alias a : f.names()) {
          if (!a.name().equals("*")) {
            bindImport(a.asname() != null ? a.asname() : a.name(), base + "." + a.name());
          }
        }
      }
      case Stmt.FunctionDef d -> boundOtherwise.add(d.name());
      case Stmt.AsyncFunctionDef d -> boundOtherwise.add(d.name());
      case Stmt.ClassDef c -> boundOtherwise.add(c.name());
      case Expr.Name name -> {
        if (name.ctx() != ExprContext.Load) {
          boundOtherwise.add(name.id());
        }
      }
      case Arg a -> boundOtherwise.add(a.arg());
      case ExceptHandler h -> {
        if (h.name() != null) {
          boundOtherwise.add(h.name());
        }
      }
      default -> {}
    }
    SyntaxChildren.forEach(n, this::collect);
  }

  private String base(String module, int level) {
    if (level == 0) {
      return module == null ? "" : module;
    }
    String pkg = packageName;
    for (int i = 1; i < level && !pkg.isEmpty(); i++) {
      int dot = pkg.lastIndexOf('.');
      pkg = dot < 0 ? "" : pkg.substring(0, dot);
    }
    String prefix = pkg.isEmpty() ? "." : pkg;
    return module == null ? prefix : (pkg.isEmpty() ? "." + module : pkg + "." + module);
  }

  private void bindImport(String name, String target) {
    String old = imported.putIfAbsent(name, target);
    if (old != null && !old.equals(target)) {
      ambiguous.add(name);
    }
  }

  /** Builtins present in every Python 3 version Keel targets. */
  private static final Set<String> BUILTINS =
      Set.of(
          "abs",
          "all",
          "any",
          "ascii",
          "bin",
          "bool",
          "breakpoint",
          "bytearray",
          "bytes",
          "callable",
          "chr",
          "classmethod",
          "compile",
          "complex",
          "delattr",
          "dict",
          "dir",
          "divmod",
          "enumerate",
          "eval",
          "exec",
          "filter",
          "float",
          "format",
          "frozenset",
          "getattr",
          "globals",
          "hasattr",
          "hash",
          "help",
          "hex",
          "id",
          "input",
          "int",
          "isinstance",
          "issubclass",
          "iter",
          "len",
          "list",
          "locals",
          "map",
          "max",
          "memoryview",
          "min",
          "next",
          "object",
          "oct",
          "open",
          "ord",
          "pow",
          "print",
          "property",
          "range",
          "repr",
          "reversed",
          "round",
          "set",
          "setattr",
          "slice",
          "sorted",
          "staticmethod",
          "str",
          "sum",
          "super",
          "tuple",
          "type",
          "vars",
          "zip",
          "__import__");
}
