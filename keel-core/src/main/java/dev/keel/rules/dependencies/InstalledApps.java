package dev.keel.rules.dependencies;

import dev.keel.project.ProjectFile;
import dev.keel.python.PythonParser;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.ProjectContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The Django apps a project's settings install: the string literals of {@code INSTALLED_APPS =
 * [...]} and {@code INSTALLED_APPS += (...)} at module level (also inside {@code if} and {@code
 * try}), in any module that names {@code INSTALLED_APPS}. An app is code the project uses without
 * importing it ({@code "compressor"} is django-compressor).
 */
final class InstalledApps {
  /** One installed app: the settings file that names it and the app's top-level package. */
  record App(String path, String topLevel) {}

  private InstalledApps() {}

  static List<App> of(ProjectContext project) {
    List<App> out = new ArrayList<>();
    for (ProjectFile f : project.files(ProjectFile::isPython)) {
      String text = project.read(f.path()).orElse("");
      if (!text.contains("INSTALLED_APPS")) {
        continue;
      }
      statements(PythonParser.parse(text).module().body(), f.path(), out);
    }
    return out;
  }

  private static void statements(List<Stmt> body, String path, List<App> out) {
    for (Stmt s : body) {
      switch (s) {
        case Stmt.Assign a -> {
          if (a.targets().stream().anyMatch(InstalledApps::isInstalledApps)) {
            strings(a.value(), path, out);
          }
        }
        case Stmt.AugAssign a -> {
          if (isInstalledApps(a.target())) {
            strings(a.value(), path, out);
          }
        }
        case Stmt.AnnAssign a -> {
          if (isInstalledApps(a.target()) && a.value() != null) {
            strings(a.value(), path, out);
          }
        }
        case Stmt.If i -> {
          statements(i.body(), path, out);
          statements(i.orelse(), path, out);
        }
        case Stmt.Try t -> {
          statements(t.body(), path, out);
          statements(t.orelse(), path, out);
        }
        default -> {}
      }
    }
  }

  private static boolean isInstalledApps(Expr target) {
    return target instanceof Expr.Name n && n.id().equals("INSTALLED_APPS");
  }

  /** The string literals of a list, tuple or concatenation of them. */
  private static void strings(Expr e, String path, List<App> out) {
    switch (e) {
      case Expr.ListExpr l -> l.elts().forEach(x -> strings(x, path, out));
      case Expr.Tuple t -> t.elts().forEach(x -> strings(x, path, out));
      case Expr.BinOp b -> {
        strings(b.left(), path, out);
        strings(b.right(), path, out);
      }
      case Expr.Constant c when c.value() instanceof ConstantValue.Str s -> {
        String app = s.value().strip();
        String top = app.contains(".") ? app.substring(0, app.indexOf('.')) : app;
        if (!top.isEmpty()) {
          out.add(new App(path, top));
        }
      }
      default -> {}
    }
  }
}
