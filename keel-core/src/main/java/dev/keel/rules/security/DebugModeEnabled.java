package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Alias;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "SEC010",
    summary =
        "Flask or Django debug mode is switched on in code: the debugger runs code for anyone",
    severity = Severity.ERROR,
    effortMinutes = 10)
final class DebugModeEnabled implements CallRule {
  /** Per file (this rule object is shared by every thread). */
  private final FileVisit.Memo<Imports> imports = FileVisit.Memo.of(Imports::new);

  /** Werkzeug's development server, which takes {@code use_debugger}. */
  private static final Set<String> RUN_SIMPLE =
      Set.of("werkzeug.serving.run_simple", "werkzeug.run_simple");

  /** Werkzeug's server, and any {@code app.run(…)}: a Flask app's, when the module uses Flask. */
  private static final Set<String> CALLS =
      java.util.stream.Stream.concat(RUN_SIMPLE.stream(), java.util.stream.Stream.of("*.run"))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static final class Imports {
    boolean flask;
  }

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(Stmt.Import.class, Stmt.ImportFrom.class, Stmt.Assign.class);
  }

  @Override
  public Set<String> calls() {
    return CALLS;
  }

  @Override
  public void visit(Node node, FileVisit file) {
    if (TestCode.of(file)) {
      return;
    }
    Imports imports = file.memo(this.imports);
    switch (node) {
      case Stmt.Import i -> {
        for (Alias a : i.names()) {
          imports.flask |= a.name().equals("flask") || a.name().startsWith("flask.");
        }
      }
      case Stmt.ImportFrom f ->
          imports.flask |=
              f.level() == 0
                  && f.module() != null
                  && (f.module().equals("flask") || f.module().startsWith("flask."));
      case Stmt.Assign a -> assign(a, imports, file);
      default -> {}
    }
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (TestCode.of(file)) {
      return;
    }
    call(call, file.memo(imports), file);
  }

  private static void call(Expr.Call c, Imports imports, FileVisit file) {
    if (c.keywords().isEmpty()) {
      return; // both checks look for a keyword argument
    }
    String q = file.qualifiedName(c.func()).orElse("");
    if (RUN_SIMPLE.contains(q)) {
      Expr debugger = c.keyword("use_debugger");
      if (debugger != null && Literals.isTrue(debugger)) {
        file.report(debugger, "the Werkzeug debugger is on: anyone who reaches it can run code");
      }
      return;
    }
    if (imports.flask && c.func() instanceof Expr.Attribute a && a.attr().equals("run")) {
      Expr debug = c.keyword("debug");
      if (debug != null && Literals.isTrue(debug)) {
        file.report(
            debug,
            "Flask app run with debug=True: the Werkzeug debugger lets anyone who reaches it run"
                + " code; take debug from the environment (FLASK_DEBUG)");
      }
    }
  }

  private static void assign(Stmt.Assign a, Imports imports, FileVisit file) {
    if (!Literals.isTrue(a.value())) {
      return;
    }
    for (Expr t : a.targets()) {
      // Django: DEBUG = True in a settings module.
      if (t instanceof Expr.Name n
          && n.id().equals("DEBUG")
          && file.ancestors().size() == 1
          && isSettingsModule(file.path())) {
        file.report(
            a,
            "DEBUG = True in settings: Django shows stack traces and settings to every visitor;"
                + " read it from the environment, off by default");
      }
      // Flask: app.debug = True, app.config["DEBUG"] = True.
      if (imports.flask
          && (t instanceof Expr.Attribute at && at.attr().equals("debug")
              || t instanceof Expr.Subscript s
                  && "DEBUG".equals(Literals.stringValue(s.slice()))
                  && s.value() instanceof Expr.Attribute cfg
                  && cfg.attr().equals("config"))) {
        file.report(a, "Flask debug mode switched on in code: take it from the environment");
      }
    }
  }

  private static boolean isSettingsModule(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.equals("settings.py")
        || path.contains("/settings/")
        || path.startsWith("settings/")
        || name.startsWith("settings_")
        || name.endsWith("_settings.py");
  }
}
