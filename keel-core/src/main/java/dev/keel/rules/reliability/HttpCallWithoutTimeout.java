package dev.keel.rules.reliability;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.WithItem;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.HashSet;
import java.util.Set;

@RuleSpec(
    code = "REL003",
    summary = "an HTTP call without a timeout waits forever when the server does not answer",
    severity = Severity.WARNING,
    effortMinutes = 5)
final class HttpCallWithoutTimeout implements CallRule {
  /** Per file (this rule object is shared by every thread). */
  private final FileVisit.Memo<Sessions> sessions = FileVisit.Memo.of(Sessions::new);

  private static final Set<String> METHODS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options", "request");

  /** Session objects whose requests have no default timeout. */
  private static final Set<String> NO_DEFAULT_SESSIONS =
      Set.of("requests.Session", "requests.session", "requests.sessions.Session");

  /** httpx's calls besides the methods (which apply its 5 second default too). */
  private static final Set<String> HTTPX_CLIENTS =
      Set.of("httpx.stream", "httpx.Client", "httpx.AsyncClient");

  /** urllib's, which takes its timeout third. */
  private static final String URLOPEN = "urllib.request.urlopen";

  private static final Set<String> AIOHTTP = Set.of("aiohttp.request", "aiohttp.ClientSession");

  /**
   * The calls `check` looks at: the HTTP methods by name whatever the receiver (a session object's,
   * requests' and httpx's functions), and the other clients.
   */
  private static final Set<String> CALLS = callsOf();

  private static Set<String> callsOf() {
    Set<String> out = new HashSet<>();
    for (String m : METHODS) {
      out.add("*." + m);
    }
    out.addAll(HTTPX_CLIENTS);
    out.add(URLOPEN);
    out.addAll(AIOHTTP);
    return Set.copyOf(out);
  }

  private static final class Sessions {
    final Set<String> names = new HashSet<>();
  }

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Stmt.Assign.class, WithItem.class);
  }

  @Override
  public Set<String> calls() {
    return CALLS;
  }

  @Override
  public void visit(Node node, FileVisit file) {
    Sessions sessions = file.memo(this.sessions);
    switch (node) {
      case Stmt.Assign a -> {
        if (a.value() instanceof Expr.Call c && isSessionConstructor(c, file)) {
          for (Expr t : a.targets()) {
            if (t instanceof Expr.Name n) {
              sessions.names.add(n.id());
            }
          }
        }
      }
      case WithItem w -> {
        if (w.contextExpr() instanceof Expr.Call c
            && isSessionConstructor(c, file)
            && w.optionalVars() instanceof Expr.Name n) {
          sessions.names.add(n.id());
        }
      }
      default -> {}
    }
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    check(call, file.memo(sessions), file);
  }

  private static boolean isSessionConstructor(Expr.Call c, FileVisit file) {
    boolean maySession =
        switch (c.func()) {
          case Expr.Attribute a -> a.attr().equalsIgnoreCase("session");
          case Expr.Name n ->
              n.id().equalsIgnoreCase("session") || file.semantic().isRenamedImport(n.id());
          default -> false;
        };
    return maySession
        && file.qualifiedName(c.func()).filter(NO_DEFAULT_SESSIONS::contains).isPresent();
  }

  private static void check(Expr.Call c, Sessions sessions, FileVisit file) {
    if (c.hasDoubleStar()) {
      return;
    }
    String q = file.qualifiedName(c.func()).orElse("");
    String what = null;
    Expr timeout = c.keyword("timeout");
    boolean missingCounts = true;
    if (q.startsWith("requests.") && METHODS.contains(q.substring("requests.".length()))) {
      what = q;
    } else if (q.startsWith("httpx.")
        && (METHODS.contains(q.substring("httpx.".length())) || HTTPX_CLIENTS.contains(q))) {
      // httpx applies a 5 second default: only an explicit timeout=None waits forever.
      what = q;
      missingCounts = false;
    } else if (q.equals(URLOPEN)) {
      what = q;
      timeout = c.argument(2, "timeout");
      if (c.hasStarArgs()) {
        return;
      }
    } else if (AIOHTTP.contains(q)) {
      what = q;
    } else if (c.func() instanceof Expr.Attribute a
        && a.value() instanceof Expr.Name n
        && sessions.names.contains(n.id())
        && METHODS.contains(a.attr())) {
      what = n.id() + "." + a.attr();
    }
    if (what == null) {
      return;
    }
    if (timeout == null ? missingCounts : timeout.isNone()) {
      file.report(
          c.func(),
          what
              + "() "
              + (timeout == null ? "without a timeout" : "with timeout=None")
              + " can wait forever: pass timeout=(connect, read) seconds");
    }
  }
}
