package dev.keel.rules.configuration;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.project.FileKind;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.ModuleFacts;
import dev.keel.semantic.ModuleSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@RuleSpec(
    code = "CFG102",
    summary =
        "a module calls, at import time, a project function that opens a connection, starts a process or writes",
    severity = Severity.WARNING,
    effortMinutes = 30)
final class ImportTimeEffectThroughCall implements ProjectRule {
  /** Calls with an effect on the world, and what the effect is. */
  static final Map<String, String> EFFECTS =
      Map.ofEntries(
          Map.entry("socket.create_connection", "opens a network connection"),
          Map.entry("urllib.request.urlopen", "makes an HTTP request"),
          Map.entry("requests.get", "makes an HTTP request"),
          Map.entry("requests.post", "makes an HTTP request"),
          Map.entry("requests.put", "makes an HTTP request"),
          Map.entry("requests.delete", "makes an HTTP request"),
          Map.entry("requests.request", "makes an HTTP request"),
          Map.entry("requests.Session", "opens an HTTP session"),
          Map.entry("httpx.get", "makes an HTTP request"),
          Map.entry("httpx.post", "makes an HTTP request"),
          Map.entry("httpx.Client", "opens an HTTP client"),
          Map.entry("sqlite3.connect", "opens a database connection"),
          Map.entry("psycopg2.connect", "opens a database connection"),
          Map.entry("psycopg.connect", "opens a database connection"),
          Map.entry("pymysql.connect", "opens a database connection"),
          Map.entry("MySQLdb.connect", "opens a database connection"),
          Map.entry("sqlalchemy.create_engine", "creates a database engine"),
          Map.entry("pymongo.MongoClient", "opens a database connection"),
          Map.entry("redis.Redis", "opens a Redis connection"),
          Map.entry("redis.StrictRedis", "opens a Redis connection"),
          Map.entry("redis.from_url", "opens a Redis connection"),
          Map.entry("boto3.client", "creates a cloud client"),
          Map.entry("boto3.resource", "creates a cloud client"),
          Map.entry("smtplib.SMTP", "opens a mail connection"),
          Map.entry("subprocess.run", "runs a process"),
          Map.entry("subprocess.Popen", "starts a process"),
          Map.entry("subprocess.call", "runs a process"),
          Map.entry("subprocess.check_call", "runs a process"),
          Map.entry("subprocess.check_output", "runs a process"),
          Map.entry("os.system", "runs a shell command"),
          Map.entry("multiprocessing.Process", "starts a process"),
          Map.entry("threading.Thread", "starts a thread"),
          Map.entry("logging.basicConfig", "configures logging for the whole process"),
          Map.entry("os.makedirs", "writes to the file system"),
          Map.entry("os.mkdir", "writes to the file system"),
          Map.entry("shutil.rmtree", "deletes files"),
          Map.entry("os.remove", "deletes files"));

  /**
   * Chains longer than this are not reported: deep chains mostly run their effect only on some
   * branch (a platform check, a fallback), which Keel cannot see.
   */
  static final int MAX_DEPTH = 3;

  @Override
  public void check(ProjectContext project, FindingSink out) {
    Map<String, ModuleFacts.Callable> callables = new HashMap<>();
    for (ModuleSummary s : project.modules()) {
      for (ModuleFacts.Callable c : s.facts().callables()) {
        callables.put(s.module() + "." + c.name(), c);
      }
    }
    Map<String, Optional<List<String>>> memo = new HashMap<>();
    for (ModuleSummary s : project.modules()) {
      boolean test =
          project.project().file(s.path()).map(f -> f.kind() == FileKind.TEST).orElse(true);
      if (test || s.module().endsWith("__main__")) {
        continue; // tests and entry points run things on purpose
      }
      for (ModuleFacts.Call call : s.facts().importTimeCalls()) {
        if (!callables.containsKey(call.target())) {
          continue;
        }
        Optional<List<String>> path = effectPath(call.target(), callables, memo, 0);
        if (path.isEmpty()) {
          continue;
        }
        List<String> p = path.get();
        String effect = EFFECTS.get(p.get(p.size() - 1));
        String message =
            s.module()
                + " calls "
                + call.target()
                + "() at import time, which "
                + effect
                + " (through "
                + String.join(" → ", p)
                + "): importing the module, in a test or a tool, has that effect; call it from"
                + " main() or on first use instead";
        int length = project.lineLength(s.path(), call.line());
        out.report(s.path(), Span.wholeLine(call.line(), Math.max(1, length)), message);
      }
    }
  }

  /** The chain from a project function to an effectful call, if there is one. */
  private static Optional<List<String>> effectPath(
      String function,
      Map<String, ModuleFacts.Callable> callables,
      Map<String, Optional<List<String>>> memo,
      int depth) {
    if (memo.containsKey(function)) {
      return memo.get(function);
    }
    memo.put(function, Optional.empty());
    ModuleFacts.Callable c = callables.get(function);
    if (c == null || depth >= MAX_DEPTH) {
      return Optional.empty();
    }
    Optional<List<String>> found = Optional.empty();
    for (String call : new java.util.TreeSet<>(c.calls())) {
      if (EFFECTS.containsKey(call)) {
        found = Optional.of(List.of(function, call));
        break;
      }
    }
    if (found.isEmpty()) {
      for (String call : new java.util.TreeSet<>(c.calls())) {
        Optional<List<String>> deeper = effectPath(call, callables, memo, depth + 1);
        if (deeper.isPresent()) {
          List<String> p = new ArrayList<>();
          p.add(function);
          p.addAll(deeper.get());
          found = Optional.of(p);
          break;
        }
      }
    }
    memo.put(function, found);
    return found;
  }
}
