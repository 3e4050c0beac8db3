package dev.keel.project;

import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Keyword;
import dev.keel.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code setup.py} says about the project, read with Keel's own parser, never run: the
 * literal arguments of its {@code setup(...)} call ({@code package_dir=}, {@code packages=} with
 * {@code find_packages("src")} or {@code find_packages(where="src")}, {@code install_requires=},
 * {@code extras_require=}, {@code tests_require=}), also through names bound once at module level
 * ({@code REQUIRES = [...]; setup(install_requires=REQUIRES)}). What is computed at run time (read
 * from a file, built in a loop) is left out rather than guessed.
 *
 * @param packageDir {@code package_dir}: package name ({@code ""} for the root package) to folder
 * @param findWhere the folders {@code find_packages}/{@code find_namespace_packages} search
 * @param installRequires the runtime requirements, in order
 * @param extrasRequire each extra's requirements
 * @param testsRequire {@code tests_require}
 * @param hasSetupCall whether a {@code setup(...)} call was found at all
 */
public record SetupPy(
    Map<String, String> packageDir,
    List<String> findWhere,
    List<Requirement> installRequires,
    Map<String, List<Requirement>> extrasRequire,
    List<Requirement> testsRequire,
    boolean hasSetupCall) {
  public SetupPy {
    packageDir = Map.copyOf(packageDir);
    findWhere = List.copyOf(findWhere);
    installRequires = List.copyOf(installRequires);
    extrasRequire = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extrasRequire));
    testsRequire = List.copyOf(testsRequire);
  }

  /** One requirement string and the 1-based line of its literal. */
  public record Requirement(String text, int line) {}

  /** Reads {@code text}, the source of a setup.py; a file that does not parse says nothing. */
  public static SetupPy read(String text) {
    ParseResult r = PythonParser.parse(text);
    Reader reader = new Reader(r);
    reader.statements(r.module().body(), true);
    return reader.result();
  }

  private static final class Reader {
    private final ParseResult parsed;
    private final Map<String, Expr> bindings = new HashMap<>();
    private final Map<String, String> packageDir = new LinkedHashMap<>();
    private final List<String> findWhere = new ArrayList<>();
    private final List<Requirement> install = new ArrayList<>();
    private final Map<String, List<Requirement>> extras = new LinkedHashMap<>();
    private final List<Requirement> tests = new ArrayList<>();
    private boolean found;

    Reader(ParseResult parsed) {
      this.parsed = parsed;
    }

    SetupPy result() {
      return new SetupPy(packageDir, findWhere, install, extras, tests, found);
    }

    /** Module-level statements, and the bodies of {@code if}/{@code try}/{@code with} there. */
    void statements(List<Stmt> body, boolean moduleLevel) {
      for (Stmt s : body) {
        switch (s) {
          case Stmt.Assign a -> {
            for (Expr t : a.targets()) {
              if (t instanceof Expr.Name n) {
                // Bound twice: not a literal we can trust.
                bindings.merge(n.id(), a.value(), (x, y) -> null);
              }
            }
            call(a.value());
          }
          case Stmt.ExprStmt e -> call(e.value());
          case Stmt.If i -> {
            statements(i.body(), moduleLevel);
            statements(i.orelse(), moduleLevel);
          }
          case Stmt.Try t -> statements(t.body(), moduleLevel);
          case Stmt.With w -> statements(w.body(), moduleLevel);
          case Stmt.FunctionDef f -> {
            // A main() that calls setup(): read it too (its locals are not module bindings).
            if (moduleLevel) {
              statements(f.body(), false);
            }
          }
          default -> {}
        }
      }
    }

    private void call(Expr e) {
      if (!(e instanceof Expr.Call c) || !isSetup(c.func())) {
        return;
      }
      found = true;
      for (Keyword k : c.keywords()) {
        if (k.arg() == null) {
          continue;
        }
        Expr v = resolve(k.value());
        switch (k.arg()) {
          case "package_dir" -> {
            if (v instanceof Expr.Dict d) {
              for (int i = 0; i < d.keys().size(); i++) {
                Optional<String> key = string(d.keys().get(i));
                Optional<String> value = string(resolve(d.values().get(i)));
                if (key.isPresent() && value.isPresent()) {
                  packageDir.put(key.get(), value.get());
                }
              }
            }
          }
          case "packages" -> packages(v);
          case "install_requires" -> requirements(v, install);
          case "tests_require" -> requirements(v, tests);
          case "extras_require" -> {
            if (v instanceof Expr.Dict d) {
              for (int i = 0; i < d.keys().size(); i++) {
                Optional<String> key = string(d.keys().get(i));
                if (key.isPresent()) {
                  List<Requirement> group =
                      extras.computeIfAbsent(key.get(), x -> new ArrayList<>());
                  requirements(resolve(d.values().get(i)), group);
                }
              }
            }
          }
          default -> {}
        }
      }
    }

    /** {@code find_packages("src")}, {@code find_packages(where="src", exclude=...)}. */
    private void packages(Expr v) {
      if (!(v instanceof Expr.Call c)) {
        return;
      }
      String callee = dotted(c.func());
      if (!callee.endsWith("find_packages") && !callee.endsWith("find_namespace_packages")) {
        return;
      }
      Optional<String> where = Optional.empty();
      if (!c.args().isEmpty()) {
        where = string(resolve(c.args().get(0)));
      }
      for (Keyword k : c.keywords()) {
        if ("where".equals(k.arg())) {
          where = string(resolve(k.value()));
        }
      }
      where.ifPresent(findWhere::add);
    }

    private void requirements(Expr v, List<Requirement> out) {
      List<Expr> items =
          switch (v) {
            case Expr.ListExpr l -> l.elts();
            case Expr.Tuple t -> t.elts();
            case Expr.BinOp b when b.op() == dev.keel.python.ast.Operator.Add -> {
              requirements(resolve(b.left()), out);
              requirements(resolve(b.right()), out);
              yield List.of();
            }
            case Expr.Constant c when c.value() instanceof ConstantValue.Str s -> {
              // A string of requirements, one a line (setuptools accepts it).
              int line = parsed.lines().line(c.range().start());
              for (String l : s.value().split("\n")) {
                if (!l.isBlank()) {
                  out.add(new Requirement(l.strip(), line));
                }
              }
              yield List.of();
            }
            case null, default -> List.of();
          };
      for (Expr item : items) {
        Expr r = resolve(item);
        string(r)
            .ifPresent(s -> out.add(new Requirement(s, parsed.lines().line(r.range().start()))));
      }
    }

    private Expr resolve(Expr e) {
      if (e instanceof Expr.Name n && bindings.get(n.id()) != null) {
        return bindings.get(n.id());
      }
      return e;
    }

    private static boolean isSetup(Expr func) {
      String d = dotted(func);
      return d.equals("setup") || d.endsWith(".setup");
    }

    private static String dotted(Expr e) {
      return switch (e) {
        case Expr.Name n -> n.id();
        case Expr.Attribute a -> dotted(a.value()) + "." + a.attr();
        default -> "";
      };
    }

    private static Optional<String> string(Expr e) {
      return e instanceof Expr.Constant c && c.value() instanceof ConstantValue.Str s
          ? Optional.of(s.value())
          : Optional.empty();
    }
  }
}
