package dev.keel.rules.configuration;

import dev.keel.finding.Severity;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

@RuleSpec(
    code = "CFG002",
    summary =
        "importing the module does work (connections, threads, processes, file writes, logging"
            + " set-up, sys.path edits): every importer pays for it and tests cannot avoid it",
    severity = Severity.WARNING,
    effortMinutes = 20)
final class ImportTimeSideEffect implements CallRule {
  /** Per file (this rule object is shared by every thread). */
  private final FileVisit.Memo<Map<String, String>> started = FileVisit.Memo.of(HashMap::new);

  /** Calls with an effect at import time, and the kind of effect. */
  private static final Map<String, String> EFFECTS = new HashMap<>();

  static {
    for (String q :
        Set.of(
            "socket.socket",
            "socket.create_connection",
            "urllib.request.urlopen",
            "sqlite3.connect",
            "psycopg2.connect",
            "psycopg.connect",
            "pymysql.connect",
            "MySQLdb.connect",
            "mysql.connector.connect",
            "pymongo.MongoClient",
            "smtplib.SMTP",
            "smtplib.SMTP_SSL",
            "ftplib.FTP",
            "asyncpg.connect")) {
      EFFECTS.put(q, "opens a network or database connection");
    }
    for (String m : Set.of("get", "post", "put", "patch", "delete", "head", "request")) {
      EFFECTS.put("requests." + m, "makes an HTTP request");
      EFFECTS.put("httpx." + m, "makes an HTTP request");
    }
    for (String q :
        Set.of(
            "subprocess.run",
            "subprocess.call",
            "subprocess.check_call",
            "subprocess.check_output",
            "subprocess.Popen",
            "os.system",
            "os.popen",
            "os.fork",
            "_thread.start_new_thread")) {
      EFFECTS.put(q, "starts a process or thread");
    }
    for (String q :
        Set.of(
            "os.makedirs",
            "os.mkdir",
            "os.remove",
            "os.unlink",
            "os.rename",
            "shutil.rmtree",
            "shutil.copy",
            "shutil.copyfile",
            "shutil.copytree",
            "shutil.move")) {
      EFFECTS.put(q, "changes the file system");
    }
  }

  private static final Set<String> STARTABLE =
      Set.of("threading.Thread", "threading.Timer", "multiprocessing.Process");

  private static final Set<String> LOGGING_SETUP =
      Set.of("logging.basicConfig", "logging.config.dictConfig", "logging.config.fileConfig");

  private static final Set<String> PATH_EDITS =
      Set.of("append", "insert", "extend", "remove", "clear", "pop");

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Stmt.Assign.class, Stmt.AugAssign.class);
  }

  @Override
  public Set<String> calls() {
    return Set.of(EVERY_CALL);
  }

  @Override
  public void visit(Node node, FileVisit file) {
    if (!atImportTime(file)) {
      return;
    }
    Map<String, String> started = file.memo(this.started);
    switch (node) {
      case Stmt.Assign a -> {
        if (a.value() instanceof Expr.Call c
            && file.qualifiedName(c.func()).filter(STARTABLE::contains).isPresent()) {
          for (Expr t : a.targets()) {
            if (t instanceof Expr.Name n) {
              started.put(n.id(), file.qualifiedName(c.func()).get());
            }
          }
        }
        for (Expr t : a.targets()) {
          if (isSysPath(t, file) || t instanceof Expr.Subscript s && isSysPath(s.value(), file)) {
            file.report(a, "sys.path edited at import time: install the package instead");
          }
        }
      }
      case Stmt.AugAssign a -> {
        if (isSysPath(a.target(), file)) {
          file.report(a, "sys.path edited at import time: install the package instead");
        }
      }
      default -> {}
    }
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (atImportTime(file)) {
      call(call, file.memo(started), file);
    }
  }

  /** Whether the code being visited runs when the module is imported. */
  private static boolean atImportTime(FileVisit file) {
    return !(file.isTest()
        || ModuleRole.inFunction(file.ancestors())
        || ModuleRole.inGuard(file.ancestors())
        || ModuleRole.isScript(file));
  }

  private static void call(Expr.Call c, Map<String, String> started, FileVisit file) {
    String q = file.qualifiedName(c.func()).orElse("");
    String effect = EFFECTS.get(q);
    if (q.equals("builtins.open") && writes(c)) {
      effect = "opens a file for writing";
    } else if (LOGGING_SETUP.contains(q)) {
      effect =
          "configures logging for the whole application (a library should only add a"
              + " NullHandler)";
    } else if (c.func() instanceof Expr.Attribute a) {
      if (a.attr().equals("start")
          && (a.value() instanceof Expr.Call ctor
                  && file.qualifiedName(ctor.func()).filter(STARTABLE::contains).isPresent()
              || a.value() instanceof Expr.Name n && started.containsKey(n.id()))) {
        effect = "starts a thread or process";
      } else if (PATH_EDITS.contains(a.attr()) && isSysPath(a.value(), file)) {
        effect = "edits sys.path (install the package instead)";
      } else if (a.attr().equals("write_text") || a.attr().equals("write_bytes")) {
        effect = "writes a file";
      }
    }
    if (effect != null) {
      file.report(c, "runs at import time and " + effect + ": move it into a function");
    }
  }

  private static boolean isSysPath(Expr e, FileVisit file) {
    return file.qualifiedName(e).filter("sys.path"::equals).isPresent();
  }

  private static boolean writes(Expr.Call c) {
    Expr mode = c.args().size() > 1 ? c.args().get(1) : null;
    for (var k : c.keywords()) {
      if ("mode".equals(k.arg())) {
        mode = k.value();
      }
    }
    return mode instanceof Expr.Constant k
        && k.value() instanceof ConstantValue.Str s
        && s.value().chars().anyMatch(ch -> ch == 'w' || ch == 'a' || ch == 'x' || ch == '+');
  }
}
