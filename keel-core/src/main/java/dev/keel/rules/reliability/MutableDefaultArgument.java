package dev.keel.rules.reliability;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.Expr;
import dev.keel.rule.FileVisit;
import dev.keel.rule.NodeRule;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "REL005",
    summary = "a mutable default is made once and shared by every call that does not pass one",
    severity = Severity.WARNING,
    effortMinutes = 5)
final class MutableDefaultArgument implements NodeRule<Arguments> {
  private static final Set<String> MUTABLE_CALLS =
      Set.of(
          "builtins.list",
          "builtins.dict",
          "builtins.set",
          "builtins.bytearray",
          "collections.defaultdict",
          "collections.OrderedDict",
          "collections.Counter",
          "collections.deque");

  @Override
  public Class<Arguments> kind() {
    return Arguments.class;
  }

  @Override
  public void visitNode(Arguments args, FileVisit file) {
    for (int i = 0, size = args.defaults().size(); i < size; i++) {
      Expr d = args.defaults().get(i);
      check(d, file);
    }
    for (int i = 0, size = args.kwDefaults().size(); i < size; i++) {
      Expr d = args.kwDefaults().get(i);
      if (d != null) {
        check(d, file);
      }
    }
  }

  private static void check(Expr d, FileVisit file) {
    boolean mutable =
        switch (d) {
          case Expr.ListExpr l -> true;
          case Expr.Dict x -> true;
          case Expr.SetExpr x -> true;
          case Expr.ListComp x -> true;
          case Expr.DictComp x -> true;
          case Expr.SetComp x -> true;
          case Expr.Call c ->
              file.qualifiedName(c.func()).filter(MUTABLE_CALLS::contains).isPresent();
          default -> false;
        };
    if (mutable) {
      file.report(
          d,
          "mutable default: it is created once and shared between calls; default to None and"
              + " create it inside the function");
    }
  }
}
