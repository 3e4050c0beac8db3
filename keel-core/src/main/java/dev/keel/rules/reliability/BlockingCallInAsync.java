package dev.keel.rules.reliability;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Map;
import java.util.Set;

@RuleSpec(
    code = "REL004",
    summary = "a blocking call inside async def stops the event loop and every other task with it",
    severity = Severity.WARNING,
    effortMinutes = 15)
final class BlockingCallInAsync implements CallRule {
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

  private static final Set<String> CALLS = callsOf();

  private static Set<String> callsOf() {
    Set<String> out = new java.util.HashSet<>(BLOCKING.keySet());
    for (String h : HTTP) {
      out.add("requests." + h);
      out.add("httpx." + h);
    }
    for (String p : PATH_IO) {
      out.add("*." + p); // a Path's, whatever the receiver
    }
    return Set.copyOf(out);
  }

  @Override
  public Set<String> calls() {
    return CALLS;
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (!(Syntax.enclosingFunction(file.ancestors()) instanceof Stmt.AsyncFunctionDef)) {
      return;
    }
    // An awaited call returns an awaitable: an async API of the same name (trio.Path, anyio).
    if (file.parent().orElse(null) instanceof Expr.Await) {
      return;
    }
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
