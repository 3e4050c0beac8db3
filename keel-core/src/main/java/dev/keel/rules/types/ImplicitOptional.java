package dev.keel.rules.types;

import dev.keel.finding.Severity;
import dev.keel.metrics.FunctionSyntax;
import dev.keel.python.ast.Alias;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@RuleSpec(
    code = "TYP004",
    summary = "A parameter defaults to None but its annotation does not admit None",
    severity = Severity.WARNING,
    effortMinutes = 2)
final class ImplicitOptional extends SignatureRule {
  /**
   * What the module's own names stand for in an annotation: type aliases ({@code Params = dict[str,
   * str] | None}, {@code Params: TypeAlias = …}, {@code type Params = …}), and the names imported
   * from the project itself, whose meaning another module holds (an alias there is not seen here,
   * so they are not judged).
   */
  private record Aliases(Map<String, List<Expr>> values, Set<String> fromProject) {
    static Aliases of(FileVisit file) {
      Map<String, List<Expr>> values = new HashMap<>();
      Set<String> fromProject = new HashSet<>();
      String top = file.module().map(m -> m.split("\\.")[0]).orElse(null);
      collect(file.parse().module().body(), values, fromProject, top);
      return new Aliases(values, fromProject);
    }

    private static void collect(
        List<Stmt> body, Map<String, List<Expr>> values, Set<String> fromProject, String top) {
      for (Stmt s : body) {
        switch (s) {
          case Stmt.Assign a
              when a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n ->
              values.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(a.value());
          case Stmt.AnnAssign a when a.value() != null && a.target() instanceof Expr.Name n ->
              values.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(a.value());
          case Stmt.TypeAlias t when t.name() instanceof Expr.Name n ->
              values.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(t.value());
          case Stmt.ImportFrom f
              when f.level() > 0
                  || top != null
                      && f.module() != null
                      && f.module().split("\\.")[0].equals(top) -> {
            for (Alias a : f.names()) {
              fromProject.add(a.asname() != null ? a.asname() : a.name());
            }
          }
          case Stmt.Import i -> {
            for (Alias a : i.names()) {
              if (top != null && a.name().split("\\.")[0].equals(top)) {
                fromProject.add(a.asname() != null ? a.asname() : a.name().split("\\.")[0]);
              }
            }
          }
          case Stmt.If i -> {
            collect(i.body(), values, fromProject, top);
            collect(i.orelse(), values, fromProject, top);
          }
          case Stmt.Try t -> {
            collect(t.body(), values, fromProject, top);
            for (var h : t.handlers()) {
              collect(h.body(), values, fromProject, top);
            }
          }
          default -> {}
        }
      }
    }
  }

  @Override
  void check(List<Def> defs, TypingNames names, FileVisit file) {
    Aliases aliases = null;
    for (Def d : defs) {
      FunctionSyntax def = d.syntax();
      for (FunctionSyntax.Parameter p : d.parameters()) {
        Expr annotation = p.arg().annotation();
        if (annotation != null
            && p.defaultValue() != null
            && p.defaultValue().isNone()
            && unquote(annotation).filter(e -> !admitsNone(e, names)).isPresent()
            && !admitsNoneThroughAliases(
                unquote(annotation).get(),
                names,
                aliases == null ? (aliases = Aliases.of(file)) : aliases,
                0)) {
          file.report(
              annotation,
              "parameter `"
                  + p.name()
                  + "` of "
                  + describe(def)
                  + " defaults to None but `"
                  + file.text(annotation)
                  + "` does not admit None: write `"
                  + withNone(file.text(annotation))
                  + "`");
        }
      }
    }
  }

  /**
   * {@code int | None}; for a quoted annotation {@code "Node | None"}, which is valid at run time.
   */
  private static String withNone(String annotation) {
    for (String q : new String[] {"\"", "'"}) {
      if (annotation.length() >= 2
          && annotation.startsWith(q)
          && annotation.endsWith(q)
          && !annotation.startsWith(q + q + q)) {
        return q + annotation.substring(1, annotation.length() - 1) + " | None" + q;
      }
    }
    return annotation + " | None";
  }

  /**
   * Whether a member of the annotation is an alias of the module that admits None, or a name from
   * the project whose meaning this module cannot see.
   */
  private static boolean admitsNoneThroughAliases(
      Expr annotation, TypingNames names, Aliases aliases, int depth) {
    if (depth > 8) {
      return true;
    }
    for (Expr m : unionMembers(annotation, names)) {
      Expr root = m;
      while (root instanceof Expr.Attribute a) {
        root = a.value();
      }
      if (root instanceof Expr.Subscript sub) {
        root = sub.value();
      }
      if (!(root instanceof Expr.Name n)) {
        continue;
      }
      if (aliases.fromProject().contains(n.id()) && !(m instanceof Expr.Subscript)) {
        return true;
      }
      if (m instanceof Expr.Name && aliases.values().containsKey(n.id())) {
        for (Expr value : aliases.values().get(n.id())) {
          Optional<Expr> v = unquote(value);
          if (v.isEmpty()
              || admitsNone(v.get(), names)
              || admitsNoneThroughAliases(v.get(), names, aliases, depth + 1)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean admitsNone(Expr annotation, TypingNames names) {
    for (Expr m : unionMembers(annotation, names)) {
      if (m.isNone() || names.isTyping(m, "Any")) {
        return true;
      }
      Optional<String> q = names.resolve(m);
      if (q.filter(s -> s.equals("object") || s.equals("builtins.object")).isPresent()) {
        return true;
      }
      if (m instanceof Expr.Subscript s
          && names.isTyping(s.value(), "Literal")
          && (s.slice().isNone()
              || s.slice() instanceof Expr.Tuple t && t.elts().stream().anyMatch(Expr::isNone))) {
        return true;
      }
      // A quoted member inside a union (`Union["Node", None]`): judge what it says.
      if (m instanceof Expr.Constant c
          && c.value() instanceof ConstantValue.Str
          && unquote(m).map(e -> admitsNone(e, names)).orElse(true)) {
        return true;
      }
    }
    return false;
  }
}
