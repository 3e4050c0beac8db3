package dev.keel.rules.reliability;

import dev.keel.finding.Severity;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Locale;
import java.util.Set;

@RuleSpec(
    code = "REL008",
    summary =
        "a deprecation is announced with the wrong warning category or without stacklevel, so"
            + " filters miss it or it points at the library instead of the caller",
    severity = Severity.INFO,
    effortMinutes = 5)
final class DeprecationWarningMisused implements CallRule {
  private static final Set<String> DEPRECATION_CATEGORIES =
      Set.of("DeprecationWarning", "PendingDeprecationWarning", "FutureWarning");

  @Override
  public Set<String> calls() {
    return Set.of("warnings.warn");
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (call.hasDoubleStar() || call.hasStarArgs()) {
      return;
    }
    Expr message = call.argument(0, "message");
    if (message == null || !mentionsDeprecation(message)) {
      return;
    }
    Expr category = call.argument(1, "category");
    if (category == null || !isDeprecationCategory(category, file)) {
      file.report(
          call,
          "deprecation message warned "
              + (category == null ? "as a UserWarning" : "as " + file.text(category))
              + ": pass DeprecationWarning (or PendingDeprecationWarning), which test runners"
              + " and -W filters know");
      return;
    }
    if (call.argument(2, "stacklevel") == null) {
      file.report(
          call,
          "deprecation warning without stacklevel: it points at this line instead of the"
              + " caller that uses the deprecated API; pass stacklevel=2");
    }
  }

  private static boolean isDeprecationCategory(Expr category, FileVisit file) {
    for (String c : DEPRECATION_CATEGORIES) {
      if (Syntax.isBuiltin(category, c, file)) {
        return true;
      }
    }
    // A project's own subclass, such as RemovedInDjango60Warning.
    String name = file.qualifiedName(category).orElse(file.text(category));
    String last = name.substring(name.lastIndexOf('.') + 1);
    return last.contains("Deprecat")
        || last.startsWith("Removed")
        || !(category instanceof Expr.Name || category instanceof Expr.Attribute);
  }

  private static boolean mentionsDeprecation(Expr e) {
    return switch (e) {
      case Expr.Constant c ->
          c.value() instanceof ConstantValue.Str s
              && s.value().toLowerCase(Locale.ROOT).contains("deprecat");
      case Expr.JoinedStr j ->
          j.values().stream().anyMatch(DeprecationWarningMisused::mentionsDeprecation);
      case Expr.BinOp b -> mentionsDeprecation(b.left()) || mentionsDeprecation(b.right());
      case Expr.Call c ->
          c.func() instanceof Expr.Attribute a
              && a.attr().equals("format")
              && mentionsDeprecation(a.value());
      default -> false;
    };
  }
}
