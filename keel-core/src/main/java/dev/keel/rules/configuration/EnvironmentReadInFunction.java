package dev.keel.rules.configuration;

import dev.keel.finding.Severity;
import dev.keel.python.ast.CmpOp;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.ExprContext;
import dev.keel.python.ast.Node;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "CFG001",
    summary =
        "a function reads the environment itself: configuration is scattered, unchecked at"
            + " start-up and hard to override in tests",
    severity = Severity.INFO,
    effortMinutes = 15)
final class EnvironmentReadInFunction implements CallRule {
  private static final Set<String> READ_CALLS =
      Set.of(
          "os.getenv", "os.getenvb", "os.environ.get", "os.environb.get", "os.environ.setdefault");

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Expr.Subscript.class, Expr.Compare.class);
  }

  @Override
  public Set<String> calls() {
    return READ_CALLS;
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (readsInFunction(file)) {
      report(call, file);
    }
  }

  @Override
  public void visit(Node node, FileVisit file) {
    if (!readsInFunction(file)) {
      return;
    }
    boolean read =
        switch (node) {
          case Expr.Subscript s -> s.ctx() == ExprContext.Load && isEnviron(s.value(), file);
          case Expr.Compare c ->
              c.ops().size() == 1
                  && (c.ops().get(0) == CmpOp.In || c.ops().get(0) == CmpOp.NotIn)
                  && isEnviron(c.comparators().get(0), file);
          default -> false;
        };
    if (read) {
      report(node, file);
    }
  }

  /** Whether an environment read here is one to report: in a function, not at configuration. */
  private static boolean readsInFunction(FileVisit file) {
    return !file.isTest() && !isConfiguration(file) && ModuleRole.inFunction(file.ancestors());
  }

  private static void report(Node read, FileVisit file) {
    file.report(
        read,
        "environment read inside a function: read it once in the configuration module and"
            + " pass the value in");
  }

  /** Asked for every call, subscript and comparison, so answered once per file. */
  private static boolean isConfiguration(FileVisit file) {
    return file.memo(CONFIGURATION);
  }

  private static final FileVisit.Memo<Boolean> CONFIGURATION =
      FileVisit.Memo.computed(
          file ->
              ModuleRole.isConfiguration(file.path(), file.module(), file.config().configModules())
                  || ModuleRole.isStartup(file.path()));

  private static boolean isEnviron(Expr e, FileVisit file) {
    return file.qualifiedName(e)
        .map(q -> q.equals("os.environ") || q.equals("os.environb"))
        .orElse(false);
  }
}
