package dev.keel.rules.configuration;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "CFG003",
    summary = "library code prints: the application that imports it cannot silence or route it",
    severity = Severity.INFO,
    effortMinutes = 5)
final class PrintInLibrary implements CallRule {
  @Override
  public Set<String> calls() {
    return Set.of("builtins.print");
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (file.isTest()
        || ModuleRole.isScript(file)
        || ModuleRole.inGuard(file.ancestors())
        || inHandlerEmit(file.ancestors())) {
      return;
    }
    for (var k : call.keywords()) {
      // print(..., file=handle) writes to a file the caller chose; stderr is still the console.
      if ("file".equals(k.arg())
          && file.qualifiedName(k.value())
              .map(q -> !q.equals("sys.stdout") && !q.equals("sys.stderr"))
              .orElse(true)) {
        return;
      }
    }
    file.report(
        call.func(),
        "print() in library code: use logging (logger = logging.getLogger(__name__)) so the"
            + " application decides what is shown");
  }

  /**
   * Inside a logging handler's {@code emit} (a class deriving from a {@code …Handler}): the handler
   * is where logging writes, and printing is its last resort when the log itself fails.
   */
  private static boolean inHandlerEmit(java.util.List<dev.keel.python.ast.Node> up) {
    for (int i = up.size() - 1; i > 0; i--) {
      if (up.get(i) instanceof dev.keel.python.ast.Stmt.FunctionDef f
          && f.name().equals("emit")
          && up.get(i - 1) instanceof dev.keel.python.ast.Stmt.ClassDef c) {
        return c.bases().stream()
            .anyMatch(
                b ->
                    b instanceof Expr.Name n && n.id().endsWith("Handler")
                        || b instanceof Expr.Attribute a && a.attr().endsWith("Handler"));
      }
    }
    return false;
  }
}
