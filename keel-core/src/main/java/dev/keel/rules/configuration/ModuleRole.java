package dev.keel.rules.configuration;

import dev.keel.python.ast.CmpOp;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileVisit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a module is for, as far as its path and its top level tell. */
final class ModuleRole {
  private ModuleRole() {}

  /** Names of configuration modules and packages, by convention. */
  private static final Set<String> CONFIG_NAMES =
      Set.of(
          "config",
          "configs",
          "configuration",
          "conf",
          "settings",
          "env",
          "environment",
          "constants");

  /** Where an application starts, and may read its environment like a configuration module. */
  private static final Set<String> STARTUP_FILES =
      Set.of("__main__.py", "manage.py", "wsgi.py", "asgi.py", "conftest.py");

  private static final Set<String> SCRIPT_DIRS =
      Set.of("scripts", "bin", "tools", "examples", "docker", "deploy");

  /**
   * Files a tool runs, by the folder they sit in: alembic's {@code env.py} (beside its {@code
   * versions/}) and Sphinx's {@code conf.py} in the documentation folder.
   */
  private static final Set<String> TOOL_FILES =
      Set.of(
          "alembic/env.py",
          "migrations/env.py",
          "docs/conf.py",
          "doc/conf.py",
          "source/conf.py",
          "docs/source/conf.py");

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

  /**
   * A configuration module, where reading the environment belongs (CFG001, CFG101). With {@code
   * config-modules} in {@code [tool.keel]}, exactly the modules it names: {@code myapp.settings} is
   * that module, {@code myapp.conf.*} the package and everything in it. Without it, by convention:
   * any module or package named {@code config}, {@code configs}, {@code configuration}, {@code
   * conf}, {@code settings}, {@code env}, {@code environment} or {@code constants}, or whose name
   * starts with {@code settings_} or ends in {@code _config} or {@code _settings}, and everything
   * inside such a package.
   *
   * @param path relative to the project root, {@code /}-separated
   * @param module the dotted module name, if the file is importable
   * @param configured the {@code config-modules} setting; empty means the conventions
   */
  static boolean isConfiguration(String path, Optional<String> module, List<String> configured) {
    if (!configured.isEmpty()) {
      String name = module.orElse("");
      for (String pattern : configured) {
        if (pattern.endsWith(".*")) {
          String pkg = pattern.substring(0, pattern.length() - 2);
          if (name.equals(pkg) || name.startsWith(pkg + ".")) {
            return true;
          }
        } else if (name.equals(pattern)) {
          return true;
        }
      }
      return false;
    }
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length; i++) {
      String p = i == parts.length - 1 ? parts[i].replaceFirst("\\.py$", "") : parts[i];
      if (CONFIG_NAMES.contains(p)
          || p.startsWith("settings_")
          || p.endsWith("_config")
          || p.endsWith("_settings")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A start-up module: {@code __main__.py}, Django's {@code manage.py}, {@code wsgi.py}, {@code
   * asgi.py} and pytest's {@code conftest.py} put an application together, so neither CFG001 nor
   * CFG101 counts their environment reads.
   */
  static boolean isStartup(String path) {
    return STARTUP_FILES.contains(path.substring(path.lastIndexOf('/') + 1));
  }

  /**
   * A module meant to be run rather than imported: {@code __main__.py}, a file under {@code
   * scripts/}, {@code bin/}, {@code tools/}, {@code examples/}, {@code docker/} or {@code deploy/},
   * a Django management command or migration (run by {@code manage.py}), a CLI module, a file a
   * tool runs (alembic's {@code env.py}, Sphinx's {@code docs/conf.py}), or one with {@code if
   * __name__ == "__main__":} or a top-level {@code main} function.
   */
  static boolean isScript(FileVisit file) {
    return file.memo(SCRIPT);
  }

  private static final FileVisit.Memo<Boolean> SCRIPT =
      FileVisit.Memo.computed(
          file -> {
            String path = file.path();
            String[] parts = path.split("/");
            if (ENTRY_FILES.contains(parts[parts.length - 1])) {
              return true;
            }
            if (parts.length >= 2
                && TOOL_FILES.contains(parts[parts.length - 2] + "/" + parts[parts.length - 1])) {
              return true;
            }
            for (int i = 0; i < parts.length - 1; i++) {
              if (SCRIPT_DIRS.contains(parts[i]) || parts[i].equals("cli")) {
                return true;
              }
              // Django runs these through manage.py: a command and a migration are scripts.
              if (parts[i].equals("migrations")
                  || parts[i].equals("commands") && i > 0 && parts[i - 1].equals("management")) {
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
    for (int i = 0, size = ancestors.size(); i < size; i++) {
      Node n = ancestors.get(i);
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
    for (int i = 0, size = ancestors.size(); i < size; i++) {
      Node n = ancestors.get(i);
      if (n instanceof Stmt.If guard
          && (isMainGuard(guard.test())
              || guard.test() instanceof Expr.Name t && t.id().equals("TYPE_CHECKING"))) {
        return true;
      }
    }
    return false;
  }
}
