package dev.keel.rules.reliability;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.FileRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Map;
import java.util.Set;

@RuleSpec(
    code = "REL004",
    summary = "a blocking call inside async def stops the event loop and every other task with it",
    severity = Severity.WARNING,
    effortMinutes = 15)
final class BlockingCallInAsync implements FileRule {
  /** Blocking calls and what to use instead. */
  private static final Map<String, String> BLOCKING =
      Map.ofEntries(
          Map.entry("time.sleep", "await asyncio.sleep()"),
          Map.entry("urllib.request.urlopen", "an async HTTP client (httpx.AsyncClient, aiohttp)"),
          Map.entry("subprocess.run", "asyncio.create_subprocess_exec()"),
          Map.entry("subprocess.call", "asyncio.create_subprocess_exec()"),
          Map.entry("subprocess.check_call", "asyncio.create_subprocess_exec()"),
          Map.entry("subprocess.check_output", "asyncio.create_subprocess_exec()"),
          Map.entry("subprocess.getoutput", "asyncio.create_subprocess_shell()"),
          Map.entry("subprocess.getstatusoutput", "asyncio.create_subprocess_shell()"),
          Map.entry("os.system", "asyncio.create_subprocess_shell()"),
          Map.entry("os.popen", "asyncio.create_subprocess_shell()"),
          Map.entry("os.wait", "asyncio's subprocess API"),
          Map.entry("os.waitpid", "asyncio's subprocess API"),
          Map.entry("builtins.open", "aiofiles, or asyncio.to_thread()"),
          Map.entry("builtins.input", "asyncio.to_thread(input)"),
          Map.entry("socket.create_connection", "asyncio.open_connection()"),
          Map.entry("socket.getaddrinfo", "loop.getaddrinfo()"),
          Map.entry("socket.gethostbyname", "loop.getaddrinfo()"));

  private static final Set<String> HTTP =
      Set.of(
          "get", "post", "put", "patch", "delete", "head", "options", "request", "stream",
          "Session", "Client");

  private static final Set<String> PATH_IO =
      Set.of("read_text", "read_bytes", "write_text", "write_bytes");

  private static final Set<String> CALLEES = calleeNames();

  private static Set<String> calleeNames() {
    Set<String> out = new java.util.HashSet<>(FileRule.lastParts(BLOCKING.keySet()));
    out.addAll(HTTP);
    out.addAll(PATH_IO);
    return Set.copyOf(out);
  }

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Expr.Call.class);
  }

  @Override
  public Set<String> callees() {
    return CALLEES;
  }

  @Override
  public void visit(Node node, FileVisit file) {
    if (!(Syntax.enclosingFunction(file.ancestors()) instanceof Stmt.AsyncFunctionDef)) {
      return;
    }
    // An awaited call returns an awaitable: an async API of the same name (trio.Path, anyio).
    if (file.parent().orElse(null) instanceof Expr.Await) {
      return;
    }
    Expr.Call call = (Expr.Call) node;
    String q = file.qualifiedName(call.func()).orElse("");
    String instead = BLOCKING.get(q);
    if (instead == null && (q.startsWith("requests.") || q.startsWith("httpx."))) {
      String last = q.substring(q.indexOf('.') + 1);
      if (HTTP.contains(last)) {
        instead = "httpx.AsyncClient or aiohttp";
      }
    }
    if (instead == null
        && call.func() instanceof Expr.Attribute a
        && PATH_IO.contains(a.attr())
        && !(a.value() instanceof Expr.Name n && n.id().equals("self"))) {
      q = "Path." + a.attr();
      instead = "asyncio.to_thread() or aiofiles";
    }
    if (instead != null) {
      file.report(call.func(), q + "() blocks the event loop inside async def: use " + instead);
    }
  }
}
