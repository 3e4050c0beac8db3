package dev.keel.rules.reliability;

import dev.keel.finding.Severity;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.ExceptHandler;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleSpec(
    code = "REL010",
    summary =
        "A retry without a bound or without a pause: while True around a network call whose"
            + " except continues at once, tenacity's @retry without stop=, urllib3's"
            + " Retry(total=None), backoff without max_tries",
    severity = Severity.WARNING,
    effortMinutes = 15)
final class UnboundedRetry implements CallRule {
  private static final Set<String> TENACITY =
      Set.of("tenacity.retry", "tenacity.Retrying", "tenacity.AsyncRetrying");

  private static final Set<String> URLLIB3_RETRY =
      Set.of(
          "urllib3.Retry",
          "urllib3.util.Retry",
          "urllib3.util.retry.Retry",
          "requests.packages.urllib3.util.retry.Retry",
          "requests.adapters.Retry");

  private static final Set<String> BACKOFF = Set.of("backoff.on_exception", "backoff.on_predicate");

  private static final Set<String> CALLS = callsOf();

  private static Set<String> callsOf() {
    java.util.HashSet<String> out = new java.util.HashSet<>(TENACITY);
    out.addAll(URLLIB3_RETRY);
    out.addAll(BACKOFF);
    return Set.copyOf(out);
  }

  /** Modules whose calls go over the network. */
  private static final List<String> NETWORK_MODULES =
      List.of(
          "requests.",
          "httpx.",
          "urllib.request.",
          "urllib3.",
          "aiohttp.",
          "socket.",
          "http.client.",
          "smtplib.",
          "ftplib.",
          "paramiko.",
          "websocket.",
          "websockets.");

  private static final Set<String> CLIENT_METHODS =
      Set.of("get", "post", "put", "patch", "delete", "head", "request", "send", "stream");

  private static final Set<String> ALWAYS_NETWORK =
      Set.of("urlopen", "create_connection", "getaddrinfo", "recv", "sendall");

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Stmt.While.class, Stmt.FunctionDef.class, Stmt.AsyncFunctionDef.class);
  }

  @Override
  public Set<String> calls() {
    return CALLS;
  }

  @Override
  public void visit(Node node, FileVisit file) {
    switch (node) {
      case Stmt.While w -> loop(w, file);
      case Stmt.FunctionDef f -> bareDecorators(f.decoratorList(), file);
      case Stmt.AsyncFunctionDef f -> bareDecorators(f.decoratorList(), file);
      default -> {}
    }
  }

  /** {@code @retry} without parentheses: tenacity retries forever, at once. */
  private static void bareDecorators(List<Expr> decorators, FileVisit file) {
    for (Expr d : decorators) {
      if ((d instanceof Expr.Name || d instanceof Expr.Attribute)
          && file.qualifiedName(d).filter(q -> q.equals("tenacity.retry")).isPresent()) {
        file.report(
            d,
            "@retry without arguments retries forever and without a pause: pass"
                + " stop=stop_after_attempt(n) (or stop_after_delay) and wait=wait_exponential()");
      }
    }
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (call.hasDoubleStar()) {
      return;
    }
    String q = file.qualifiedName(call.func()).orElse("");
    if (TENACITY.contains(q)) {
      if (call.keyword("stop") == null) {
        String name = q.substring("tenacity.".length());
        file.report(
            call.func(),
            name
                + "() without stop= retries forever (tenacity's default is stop_never): pass"
                + " stop=stop_after_attempt(n) or stop_after_delay(seconds)");
      }
    } else if (URLLIB3_RETRY.contains(q)) {
      Expr total = call.argument(0, "total");
      if (total != null && total.isNone() && !otherCounterBounds(call)) {
        file.report(
            total,
            "Retry(total=None) without both connect= and read= counts retries connection errors"
                + " or timeouts forever"
                + (call.keyword("backoff_factor") == null
                    ? " (and, with no backoff_factor, at once)"
                    : "")
                + ": give total a number (urllib3's default is 10)");
      }
    } else if (BACKOFF.contains(q)) {
      if (call.keyword("max_tries") == null
          && call.keyword("max_time") == null
          && call.args().size() < 4) {
        file.report(
            call.func(),
            q.substring("backoff.".length())
                + "() without max_tries or max_time retries forever: give one of them");
      }
    }
  }

  /**
   * Whether connect= and read= are both given (a count, or False to raise at once): with total=None
   * the errors that go on longest (a server that does not accept, or does not answer) then stop.
   * One of them alone still retries the other forever ({@code Retry(total=None, status=1)}).
   */
  private static boolean otherCounterBounds(Expr.Call call) {
    Expr connect = call.argument(1, "connect");
    Expr read = call.argument(2, "read");
    return connect != null && !connect.isNone() && read != null && !read.isNone();
  }

  /**
   * {@code while True:} whose body tries a network call and whose handler goes round again at once
   * ({@code continue}), with no sleep anywhere in the loop and no counter or exit in the handler.
   */
  private static void loop(Stmt.While w, FileVisit file) {
    if (!isTrue(w.test())) {
      return;
    }
    for (Stmt s : w.body()) {
      if (!(s instanceof Stmt.Try t)) {
        continue;
      }
      if (!Syntax.anyInScope(t.body(), n -> n instanceof Expr.Call c && isNetwork(c, file))) {
        continue;
      }
      for (ExceptHandler h : t.handlers()) {
        if (h.body().isEmpty() || !(h.body().get(h.body().size() - 1) instanceof Stmt.Continue)) {
          continue;
        }
        if (Syntax.anyInScope(
            h.body(),
            n -> n instanceof Stmt.Raise || n instanceof Stmt.Break || n instanceof Stmt.Return)) {
          continue; // the handler can leave the loop: bounded
        }
        if (Syntax.anyInScope(w.body(), n -> n instanceof Stmt.AugAssign)) {
          continue; // a counter: some bound is likely checked
        }
        if (Syntax.anyInScope(w.body(), n -> n instanceof Expr.Call c && isPause(c))) {
          continue;
        }
        file.report(
            w.range().start(),
            w.test().range().end(),
            "while True retries the network call at once and forever when it fails (the except"
                + " ends in continue, with no sleep and no count): wait between tries with a"
                + " growing delay and stop after a number of them");
        return;
      }
    }
  }

  private static boolean isTrue(Expr e) {
    return e instanceof Expr.Constant c
        && (c.value() instanceof ConstantValue.Bool b && b.value()
            || c.value() instanceof ConstantValue.Int i && i.value().signum() != 0);
  }

  private static boolean isPause(Expr.Call c) {
    String name =
        switch (c.func()) {
          case Expr.Name n -> n.id();
          case Expr.Attribute a -> a.attr();
          default -> "";
        };
    String l = name.toLowerCase(Locale.ROOT);
    return l.contains("sleep") || l.contains("backoff") || l.equals("wait") || l.contains("delay");
  }

  private static boolean isNetwork(Expr.Call c, FileVisit file) {
    String q = file.qualifiedName(c.func()).orElse("");
    for (String m : NETWORK_MODULES) {
      if (q.startsWith(m)) {
        return true;
      }
    }
    if (!(c.func() instanceof Expr.Attribute a)) {
      return c.func() instanceof Expr.Name n && ALWAYS_NETWORK.contains(n.id());
    }
    if (ALWAYS_NETWORK.contains(a.attr())) {
      return true;
    }
    if (!CLIENT_METHODS.contains(a.attr())) {
      return false;
    }
    String receiver =
        switch (a.value()) {
          case Expr.Name n -> n.id();
          case Expr.Attribute r -> r.attr();
          default -> "";
        };
    String l = receiver.toLowerCase(Locale.ROOT);
    return l.contains("session")
        || l.contains("client")
        || l.contains("http")
        || l.equals("requests")
        || l.contains("api");
  }
}
