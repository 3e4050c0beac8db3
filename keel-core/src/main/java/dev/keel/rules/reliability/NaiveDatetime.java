package dev.keel.rules.reliability;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

@RuleSpec(
    code = "REL006",
    summary =
        "a datetime without a time zone is read as local time by one machine and UTC by another",
    severity = Severity.WARNING,
    effortMinutes = 5)
final class NaiveDatetime implements CallRule {
  /** Calls that return a naive datetime whatever their arguments, and what to use instead. */
  private static final Map<String, String> ALWAYS_NAIVE =
      Map.of(
          "datetime.datetime.utcnow",
          "datetime.utcnow() returns a naive datetime: use datetime.now(timezone.utc)",
          "datetime.datetime.utcfromtimestamp",
          "datetime.utcfromtimestamp() returns a naive datetime: use"
              + " datetime.fromtimestamp(ts, timezone.utc)",
          "datetime.datetime.today",
          "datetime.today() returns a naive local datetime: use datetime.now(tz)",
          "datetime.date.today",
          "date.today() is today in the machine's time zone: use datetime.now(tz).date()");

  /** Calls that return a naive datetime without a tz, and the position of their tz parameter. */
  private static final Map<String, Integer> NAIVE_WITHOUT_TZ =
      Map.of("datetime.datetime.now", 0, "datetime.datetime.fromtimestamp", 1);

  private static final Set<String> CALLS =
      callsOf(ALWAYS_NAIVE.keySet(), NAIVE_WITHOUT_TZ.keySet());

  private static Set<String> callsOf(Set<String> always, Set<String> withoutTz) {
    Set<String> out = new HashSet<>(always);
    out.addAll(withoutTz);
    return Set.copyOf(out);
  }

  @Override
  public Set<String> calls() {
    return CALLS;
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    String q = file.qualifiedName(call.func()).orElseThrow();
    String message = ALWAYS_NAIVE.get(q);
    if (message == null && naive(call, NAIVE_WITHOUT_TZ.get(q))) {
      message =
          q.substring("datetime.".length())
              + "() without tz returns a naive local datetime: pass tz=timezone.utc (or the"
              + " zone meant)";
    }
    if (message != null) {
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
