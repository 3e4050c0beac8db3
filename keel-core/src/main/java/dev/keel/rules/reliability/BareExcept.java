package dev.keel.rules.reliability;

import dev.keel.finding.Severity;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileVisit;
import dev.keel.rule.NodeRule;
import dev.keel.rule.RuleSpec;

@RuleSpec(
    code = "REL001",
    summary = "a bare except: also catches KeyboardInterrupt, SystemExit and the program's bugs",
    severity = Severity.WARNING,
    effortMinutes = 5)
final class BareExcept implements NodeRule<ExceptHandler> {
  @Override
  public Class<ExceptHandler> kind() {
    return ExceptHandler.class;
  }

  @Override
  public void visitNode(ExceptHandler h, FileVisit file) {
    if (h.type() != null) {
      return;
    }
    // Cleaning up and re-raising everything is what a bare except is for.
    boolean reRaises =
        Syntax.anyInScope(h.body(), n -> n instanceof Stmt.Raise r && r.exc() == null);
    if (!reRaises) {
      int start = h.range().start();
      file.report(
          start,
          start + "except".length(),
          "bare except: catches KeyboardInterrupt and SystemExit too; name the exceptions"
              + " (or `except Exception:`)");
    }
  }
}
