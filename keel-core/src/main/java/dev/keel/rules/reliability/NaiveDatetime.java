package dev.keel.rules.reliability;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "REL006",
    summary =
        "a datetime without a time zone is read as local time by one machine and UTC by another",
    severity = Severity.WARNING,
    effortMinutes = 5)
final class NaiveDatetime implements FileRule {
  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Expr.Call.class);
  }

  @Override
  public Set<String> callees() {
    return Set.of("utcnow", "utcfromtimestamp", "today", "now", "fromtimestamp");
  }

  @Override
  public void visit(Node node, FileVisit file) {
    Expr.Call call = (Expr.Call) node;
    String q = file.qualifiedName(call.func()).orElse("");
    String message =
        switch (q) {
          case "datetime.datetime.utcnow" ->
              "datetime.utcnow() returns a naive datetime: use datetime.now(timezone.utc)";
          case "datetime.datetime.utcfromtimestamp" ->
              "datetime.utcfromtimestamp() returns a naive datetime: use"
                  + " datetime.fromtimestamp(ts, timezone.utc)";
          case "datetime.datetime.today" ->
              "datetime.today() returns a naive local datetime: use datetime.now(tz)";
          case "datetime.date.today" ->
              "date.today() is today in the machine's time zone: use datetime.now(tz).date()";
          case "datetime.datetime.now" -> naive(call, 0) ? "datetime.now() without tz" : null;
          case "datetime.datetime.fromtimestamp" ->
              naive(call, 1) ? "datetime.fromtimestamp() without tz" : null;
          default -> null;
        };
    if (message != null) {
      if (!message.contains(":")) {
        message += " returns a naive local datetime: pass tz=timezone.utc (or the zone meant)";
      }
      file.report(call, message);
    }
  }

  private static boolean naive(Expr.Call call, int tzIndex) {
    if (call.hasDoubleStar() || call.hasStarArgs()) {
      return false;
    }
    Expr tz = call.argument(tzIndex, "tz");
    return tz == null || tz.isNone();
  }
}
