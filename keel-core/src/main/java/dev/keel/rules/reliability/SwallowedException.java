package dev.keel.rules.reliability;

import dev.keel.finding.Severity;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileVisit;
import dev.keel.rule.NodeRule;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "REL002",
    summary = "an exception is caught and dropped: the failure leaves no trace",
    severity = Severity.WARNING,
    effortMinutes = 10)
final class SwallowedException implements NodeRule<ExceptHandler> {
  private static final Set<String> LOG_METHODS =
      Set.of("exception", "error", "warning", "warn", "info", "debug", "critical", "fatal", "log");

  @Override
  public Class<ExceptHandler> kind() {
    return ExceptHandler.class;
  }

  @Override
  public void visitNode(ExceptHandler h, FileVisit file) {
    int start = h.range().start();
    int end = h.type() == null ? start + "except".length() : h.type().range().end();
    if (h.body().stream().allMatch(SwallowedException::doesNothing) && !isOptionalImport(h, file)) {
      file.report(
          start,
          end,
          "exception caught and ignored: handle it, log it, or catch only what is expected"
              + " here (contextlib.suppress says so)");
      return;
    }
    if (h.type() != null && catchesEverything(h.type(), file)) {
      boolean raises = Syntax.anyInScope(h.body(), n -> n instanceof Stmt.Raise);
      boolean logs = Syntax.anyInScope(h.body(), n -> isLogging(n, file));
      if (!raises && !logs) {
        file.report(
            start,
            end,
            "catches "
                + file.text(h.type())
                + " without re-raising or logging: the failure leaves no trace");
      }
    }
  }

  /** {@code try: import x / except ImportError: pass}: an optional dependency, said plainly. */
  private static boolean isOptionalImport(ExceptHandler h, FileVisit file) {
    return h.type() != null
        && (Syntax.isBuiltin(h.type(), "ImportError", file)
            || Syntax.isBuiltin(h.type(), "ModuleNotFoundError", file))
        && file.parent().orElse(null) instanceof Stmt.Try t
        && t.body().stream()
            .allMatch(s -> s instanceof Stmt.Import || s instanceof Stmt.ImportFrom);
  }

  private static boolean doesNothing(Stmt s) {
    return s instanceof Stmt.Pass
        || s instanceof Stmt.Continue
        || s instanceof Stmt.ExprStmt e
            && e.value() instanceof Expr.Constant c
            && (c.value() instanceof ConstantValue.EllipsisValue
                || c.value() instanceof ConstantValue.Str);
  }

  private static boolean catchesEverything(Expr type, FileVisit file) {
    if (type instanceof Expr.Tuple t) {
      return t.elts().stream().anyMatch(e -> catchesEverything(e, file));
    }
    return Syntax.isBuiltin(type, "Exception", file)
        || Syntax.isBuiltin(type, "BaseException", file);
  }

  /** A call to a logger, to traceback's printers, or to warnings.warn. */
  private static boolean isLogging(Node n, FileVisit file) {
    if (!(n instanceof Expr.Call c)) {
      return false;
    }
    String q = file.qualifiedName(c.func()).orElse("");
    if (q.startsWith("logging.")
        || q.startsWith("traceback.print")
        || q.startsWith("traceback.format")
        || q.equals("warnings.warn")
        || q.equals("sys.excepthook")) {
      return true;
    }
    if (c.func() instanceof Expr.Attribute a && LOG_METHODS.contains(a.attr())) {
      String receiver = file.text(a.value()).toLowerCase(java.util.Locale.ROOT);
      return receiver.contains("log");
    }
    return false;
  }
}
