package dev.keel.rules.configuration;

import dev.keel.python.ast.CmpOp;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileVisit;
import java.util.List;
import java.util.Set;

/** What a module is for, as far as its path and its top level tell. */
final class ModuleRole {
  private ModuleRole() {}

  private static final Set<String> CONFIG_FILES =
      Set.of(
          "config.py",
          "settings.py",
          "conf.py",
          "configuration.py",
          "_config.py",
          "_settings.py",
          "env.py",
          "environment.py");

  private static final Set<String> CONFIG_DIRS =
      Set.of("conf", "config", "configs", "settings", "configuration");

  private static final Set<String> SCRIPT_DIRS = Set.of("scripts", "bin", "tools", "examples");

  private static final Set<String> ENTRY_FILES =
      Set.of(
          "__main__.py",
          "setup.py",
          "conftest.py",
          "manage.py",
          "noxfile.py",
          "fabfile.py",
          "tasks.py",
          "cli.py",
          "wsgi.py",
          "asgi.py");

  /** A module that is the place for configuration: {@code config.py}, {@code settings/}… */
  static boolean isConfiguration(String path) {
    String[] parts = path.split("/");
    String name = parts[parts.length - 1];
    if (CONFIG_FILES.contains(name)
        || name.startsWith("settings_")
        || name.endsWith("_settings.py")
        || name.endsWith("_config.py")) {
      return true;
    }
    for (int i = 0; i < parts.length - 1; i++) {
      if (CONFIG_DIRS.contains(parts[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * A module meant to be run rather than imported: {@code __main__.py}, a file under {@code
   * scripts/}, a CLI module, or one with {@code if __name__ == "__main__":} or a top-level {@code
   * main} function.
   */
  static boolean isScript(FileVisit file) {
    return file.state(
        ModuleRole.class,
        () -> {
          String path = file.path();
          String[] parts = path.split("/");
          if (ENTRY_FILES.contains(parts[parts.length - 1])) {
            return true;
          }
          for (int i = 0; i < parts.length - 1; i++) {
            if (SCRIPT_DIRS.contains(parts[i]) || parts[i].equals("cli")) {
              return true;
            }
          }
          for (Stmt s : file.parse().module().body()) {
            if (s instanceof Stmt.If i && isMainGuard(i.test())) {
              return true;
            }
            if (s instanceof Stmt.FunctionDef f && f.name().equals("main")
                || s instanceof Stmt.AsyncFunctionDef f2 && f2.name().equals("main")) {
              return true;
            }
          }
          return false;
        });
  }

  /** {@code __name__ == "__main__"}, either way round. */
  static boolean isMainGuard(Expr test) {
    return test instanceof Expr.Compare c
        && c.ops().size() == 1
        && c.ops().get(0) == CmpOp.Eq
        && (isName(c.left()) && isMain(c.comparators().get(0))
            || isMain(c.left()) && isName(c.comparators().get(0)));
  }

  private static boolean isName(Expr e) {
    return e instanceof Expr.Name n && n.id().equals("__name__");
  }

  private static boolean isMain(Expr e) {
    return e instanceof Expr.Constant k
        && k.value() instanceof ConstantValue.Str s
        && s.value().equals("__main__");
  }

  /** Whether the walk is inside a function or lambda body. */
  static boolean inFunction(List<Node> ancestors) {
    for (Node n : ancestors) {
      if (n instanceof Stmt.FunctionDef
          || n instanceof Stmt.AsyncFunctionDef
          || n instanceof Expr.Lambda) {
        return true;
      }
    }
    return false;
  }

  /** Whether the walk is inside {@code if __name__ == "__main__":} or {@code if TYPE_CHECKING:}. */
  static boolean inGuard(List<Node> ancestors) {
    for (Node n : ancestors) {
      if (n instanceof Stmt.If i
          && (isMainGuard(i.test())
              || i.test() instanceof Expr.Name t && t.id().equals("TYPE_CHECKING"))) {
        return true;
      }
    }
    return false;
  }
}
