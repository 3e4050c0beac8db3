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
    // Only a broad catch hides failures nobody thought of: one that names what it expects
    // (except KeyError: continue) has decided what to do with it.
    if (h.type() != null && !catchesEverything(h.type(), file)) {
      return;
    }
    int start = h.range().start();
    int end = h.type() == null ? start + "except".length() : h.type().range().end();
    if (h.body().stream().allMatch(SwallowedException::doesNothing)) {
      file.report(
          start,
          end,
          "exception caught and ignored: handle it, log it, or catch only what is expected"
              + " here (contextlib.suppress says so)");
      return;
    }
    boolean raises = Syntax.anyInScope(h.body(), n -> n instanceof Stmt.Raise);
    boolean logs = Syntax.anyInScope(h.body(), n -> keepsTheError(n, file));
    boolean usesIt =
        h.name() != null
            && Syntax.anyInScope(
                h.body(), n -> n instanceof Expr.Name nm && nm.id().equals(h.name()));
    if (!raises && !logs && !usesIt) {
      file.report(
          start,
          end,
          "catches "
              + (h.type() == null ? "everything" : file.text(h.type()))
              + " and drops it (no raise, no log of the exception): the failure leaves no trace");
    }
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

  /**
   * A call that keeps the exception: a log with its traceback ({@code .exception(…)}, {@code
   * exc_info=…}), traceback's printers, {@code sys.exc_info()}, an error reporter's {@code
   * capture_exception}, an error handler ({@code handleError}, {@code handle_exception}), {@code
   * warnings.warn}, or one that ends the test or program ({@code self.fail}, {@code sys.exit}).
   */
  private static boolean keepsTheError(Node n, FileVisit file) {
    if (!(n instanceof Expr.Call c)) {
      return false;
    }
    String q = file.qualifiedName(c.func()).orElse("");
    if (q.equals("logging.exception")
        || q.startsWith("traceback.print")
        || q.startsWith("traceback.format")
        || q.equals("warnings.warn")
        || q.equals("sys.excepthook")
        || q.equals("sys.exc_info")
        || q.endsWith("capture_exception")) {
      return true;
    }
    String method =
        c.func() instanceof Expr.Attribute a
            ? a.attr()
            : c.func() instanceof Expr.Name nm ? nm.id() : "";
    // An error handler of the framework (logging.Handler.handleError, socketserver's
    // handle_error, a handle_exception/report_exception of one's own), and calls that end the
    // test or the program instead (self.fail, pytest.skip, sys.exit).
    String lower = method.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("exception")
        || lower.matches("(handle|report|on)_?error")
        || lower.equals("print_exc")
        || Set.of("fail", "skiptest", "skip", "exit", "_exit", "abort").contains(lower)) {
      return true;
    }
    Expr excInfo = c.keyword("exc_info");
    if (excInfo != null && !excInfo.isNone() && !isFalse(excInfo)) {
      return true;
    }
    if (c.func() instanceof Expr.Attribute a && LOG_METHODS.contains(a.attr())) {
      return a.attr().equals("exception")
          && file.text(a.value()).toLowerCase(java.util.Locale.ROOT).contains("log");
    }
    return false;
  }

  private static boolean isFalse(Expr e) {
    return e instanceof Expr.Constant c && c.value() instanceof ConstantValue.Bool b && !b.value();
  }
}
