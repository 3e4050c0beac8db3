package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Keyword;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "SEC011",
    summary = "a server is bound to 0.0.0.0, so it listens on every network the host is on",
    severity = Severity.WARNING,
    effortMinutes = 10)
final class BindAllInterfaces implements CallRule {
  /** Calls that start or bind a server, by the last part of their name. */
  private static final Set<String> SERVER_CALLS =
      Set.of(
          "run",
          "bind",
          "listen",
          "serve",
          "run_simple",
          "run_app",
          "make_server",
          "create_server",
          "start_server",
          "start_unix_server",
          "HTTPServer",
          "ThreadingHTTPServer",
          "TCPServer",
          "UDPServer",
          "ThreadingTCPServer",
          "ThreadingUDPServer",
          "ForkingTCPServer",
          "SimpleXMLRPCServer",
          "WSGIServer",
          "TCPSite",
          "Config");

  private static final Set<String> CALLS = anyReceiver(SERVER_CALLS);

  private static Set<String> anyReceiver(Set<String> names) {
    Set<String> out = new java.util.HashSet<>();
    for (String n : names) {
      out.add("*." + n);
    }
    return Set.copyOf(out);
  }

  private static final Set<String> HOST_KEYWORDS = Set.of("host", "hostname", "bind", "address");

  @Override
  public Set<String> calls() {
    return CALLS;
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (TestCode.of(file)) {
      return;
    }
    String last =
        switch (call.func()) {
          case Expr.Name n -> n.id();
          case Expr.Attribute a -> a.attr();
          default -> "";
        };
    if (!SERVER_CALLS.contains(last)) {
      return;
    }
    for (Expr a : call.args()) {
      check(a, file);
      if (a instanceof Expr.Tuple t && !t.elts().isEmpty()) {
        check(t.elts().get(0), file);
      }
    }
    for (Keyword k : call.keywords()) {
      if (k.arg() != null
          && (HOST_KEYWORDS.contains(k.arg()) || k.arg().equals("server_address"))) {
        check(k.value(), file);
        if (k.value() instanceof Expr.Tuple t && !t.elts().isEmpty()) {
          check(t.elts().get(0), file);
        }
      }
    }
  }

  private static void check(Expr e, FileVisit file) {
    if ("0.0.0.0".equals(Literals.stringValue(e))) {
      file.report(
          e,
          "the server listens on every interface: bind to 127.0.0.1, or take the address from"
              + " configuration");
    }
  }
}
