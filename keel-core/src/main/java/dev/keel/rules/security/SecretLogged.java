package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Keyword;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleSpec(
    code = "SEC012",
    summary =
        "A logging call logs a secret (a password, token, API key, Authorization header) or a"
            + " request's headers, body or cookies",
    severity = Severity.WARNING,
    effortMinutes = 10)
final class SecretLogged implements CallRule {
  private static final Set<String> METHODS =
      Set.of(
          "debug",
          "info",
          "warning",
          "warn",
          "error",
          "exception",
          "critical",
          "fatal",
          "log",
          "msg");

  private static final Set<String> CALLS = callsOf();

  private static Set<String> callsOf() {
    List<String> out = new ArrayList<>();
    METHODS.forEach(m -> out.add("*." + m));
    return Set.copyOf(out);
  }

  /** Words that name a secret on their own. */
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "password",
          "passwd",
          "passphrase",
          "secret",
          "token",
          "apikey",
          "authorization",
          "credential",
          "credentials",
          "creds");

  /** Two words that name a secret together: api_key, private_key, auth_header… */
  private static final Set<String> SECRET_PAIRS =
      Set.of(
          "api key",
          "private key",
          "access key",
          "secret key",
          "auth header",
          "auth headers",
          "client secret",
          "session key");

  /**
   * A last word that makes the name about the secret rather than the secret itself: {@code
   * token_type}, {@code password_length}, {@code secret_name}, {@code token_url}.
   */
  private static final Set<String> ABOUT =
      Set.copyOf(
          List.of(
              "name",
              "names",
              "id",
              "ids",
              "type",
              "types",
              "url",
              "uri",
              "endpoint",
              "path",
              "file",
              "filename",
              "field",
              "fields",
              "len",
              "length",
              "count",
              "expiry",
              "expires",
              "expiration",
              "exp",
              "at",
              "ttl",
              "timeout",
              "prefix",
              "suffix",
              "hash",
              "hashed",
              "hint",
              "policy",
              "required",
              "enabled",
              "valid",
              "validator",
              "changed",
              "reset",
              "label",
              "format",
              "backend",
              "class",
              "manager",
              "generator",
              "store",
              "storage",
              "provider",
              "source",
              "env",
              "var",
              "scope",
              "scopes",
              "usage",
              "index",
              "kind",
              "status",
              "version",
              "attr",
              "attribute",
              "param",
              "parameter",
              "mode",
              "key",
              "keys",
              "header",
              "created",
              "updated",
              "set",
              "error",
              "errors",
              "msg",
              "message",
              "info",
              "config",
              "settings",
              "option",
              "options",
              "form",
              "serializer",
              "view",
              "model",
              "placeholder",
              "help",
              "text",
              "label",
              "widget",
              "input",
              "prompt",
              "pattern",
              "regex",
              "re",
              "len",
              "size",
              "digest",
              "fingerprint",
              "last4",
              "masked",
              "redacted",
              "obj",
              "service",
              "client",
              "request",
              "response",
              "flow",
              "auth",
              "authenticator",
              "method",
              "methods",
              "expired",
              "invalid",
              "missing",
              "exists",
              "dir",
              "date",
              "time",
              "tokens"));

  /**
   * A first word that makes the name a flag or a count: {@code has_password}, {@code num_tokens}.
   */
  private static final Set<String> FLAG_PREFIX =
      Set.of("is", "has", "should", "use", "uses", "num", "n", "no", "max", "min", "total", "new");

  /** A request's parts that hold credentials. */
  private static final Set<String> REQUEST_PARTS =
      Set.of("headers", "META", "body", "COOKIES", "cookies", "POST", "data", "__dict__", "auth");

  private static final Set<String> REQUESTS = Set.of("request", "req", "http_request");

  @Override
  public Set<String> calls() {
    return CALLS;
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (!(call.func() instanceof Expr.Attribute method)
        || !METHODS.contains(method.attr())
        || !isLogger(method.value(), file)) {
      return;
    }
    List<Expr> values = new ArrayList<>();
    List<Expr> args = call.args();
    int first = method.attr().equals("log") ? 1 : 0; // log(level, msg, *args)
    for (int i = first; i < args.size(); i++) {
      Expr a = args.get(i);
      if (i == first) {
        message(a, values);
      } else {
        values.add(a);
      }
    }
    for (Keyword k : call.keywords()) {
      if (k.arg() == null
          || Set.of("exc_info", "stack_info", "stacklevel").contains(k.arg())
          || k.value() instanceof Expr.Constant) {
        continue;
      }
      if (k.arg().equals("extra") && k.value() instanceof Expr.Dict d) {
        values.addAll(d.values());
      } else if (k.arg().equals("msg") || k.arg().equals("event")) {
        message(k.value(), values);
      } else {
        values.add(k.value());
        if (isSecretName(k.arg()) && isPlainValue(k.value())) {
          // structlog: log.info("login", password=form.password)
          file.report(k, method.attr() + "() logs '" + k.arg() + "'" + advice());
          return;
        }
      }
    }
    for (Expr v : values) {
      String what = secret(v);
      if (what != null) {
        file.report(v, method.attr() + "() logs " + what + advice());
        return; // one finding per call
      }
    }
  }

  private static String advice() {
    return ": the secret ends up in log files and log services that more people read than the"
        + " secret's own store; log that it is set, or a masked form";
  }

  /** The values a message carries: an f-string's fields, a %-format's or .format()'s arguments. */
  private static void message(Expr m, List<Expr> values) {
    switch (m) {
      case Expr.JoinedStr j -> {
        for (Expr part : j.values()) {
          if (part instanceof Expr.FormattedValue f) {
            values.add(f.value());
          }
        }
      }
      case Expr.BinOp b -> {
        if (b.left() instanceof Expr.Constant) {
          if (b.right() instanceof Expr.Tuple t) {
            values.addAll(t.elts());
          } else if (b.right() instanceof Expr.Dict d) {
            values.addAll(d.values());
          } else {
            values.add(b.right());
          }
        } else {
          message(b.left(), values);
          message(b.right(), values);
        }
      }
      case Expr.Call c
          when c.func() instanceof Expr.Attribute a
              && a.attr().equals("format")
              && a.value() instanceof Expr.Constant -> {
        values.addAll(c.args());
        c.keywords().forEach(k -> values.add(k.value()));
      }
      case Expr.Constant c -> {}
      default -> values.add(m);
    }
  }

  /**
   * Whether {@code e} is a logger: {@code logging}, {@code logger}, {@code self.log}, {@code
   * getLogger(…)}.
   */
  private static boolean isLogger(Expr e, FileVisit file) {
    return switch (e) {
      case Expr.Name n -> isLoggerName(n.id());
      case Expr.Attribute a -> isLoggerName(a.attr());
      case Expr.Call c ->
          file.qualifiedName(c.func())
              .filter(
                  q ->
                      q.equals("logging.getLogger")
                          || q.equals("structlog.get_logger")
                          || q.equals("structlog.getLogger")
                          || q.equals("loguru.logger.bind"))
              .isPresent();
      default -> false;
    };
  }

  static boolean isLoggerName(String id) {
    String l = id.toLowerCase(Locale.ROOT);
    while (l.startsWith("_")) {
      l = l.substring(1);
    }
    return l.equals("logging")
        || l.equals("log")
        || l.equals("structlog")
        || l.endsWith("logger")
        || l.endsWith("_log")
        || l.startsWith("log_")
        || l.startsWith("logger_");
  }

  /** A name, attribute or subscript standing for the value itself (not len(x), not x[:4]). */
  private static boolean isPlainValue(Expr e) {
    return e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript;
  }

  /** What {@code v} logs that is a secret, in words, or null. */
  static String secret(Expr v) {
    switch (v) {
      case Expr.Name n -> {
        return isSecretName(n.id()) ? "'" + n.id() + "'" : null;
      }
      case Expr.Attribute a -> {
        if (REQUEST_PARTS.contains(a.attr()) && isRequest(a.value())) {
          return "the request's " + a.attr() + " (credentials, cookies, form fields)";
        }
        return isSecretName(a.attr()) ? "'" + a.attr() + "'" : null;
      }
      case Expr.Subscript s -> {
        if (s.slice() instanceof Expr.Constant c
            && c.value() instanceof ConstantValue.Str str
            && (isSecretName(str.value().replace('-', '_'))
                || str.value().equalsIgnoreCase("cookie"))) {
          return "'" + str.value() + "'";
        }
        return null;
      }
      case Expr.Call c -> {
        // vars(request), dict(request.headers)
        if (c.func() instanceof Expr.Name f
            && (f.id().equals("vars") || f.id().equals("dict"))
            && c.args().size() == 1
            && (isRequest(c.args().get(0))
                || c.args().get(0) instanceof Expr.Attribute a
                    && REQUEST_PARTS.contains(a.attr())
                    && isRequest(a.value()))) {
          return "the whole request";
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean isRequest(Expr e) {
    return switch (e) {
      case Expr.Name n -> REQUESTS.contains(n.id());
      case Expr.Attribute a -> REQUESTS.contains(a.attr());
      default -> false;
    };
  }

  /**
   * Whether an identifier names a secret's value: {@code password}, {@code api_key}, {@code
   * accessToken}.
   */
  static boolean isSecretName(String id) {
    List<String> words = words(id);
    if (words.isEmpty()) {
      return false;
    }
    if (FLAG_PREFIX.contains(words.get(0)) && words.size() > 1) {
      return false;
    }
    String last = words.get(words.size() - 1);
    boolean secret = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (SECRET_WORDS.contains(w)) {
        secret = true;
      }
      if (i + 1 < words.size() && SECRET_PAIRS.contains(w + " " + words.get(i + 1))) {
        secret = true;
      }
    }
    if (!secret) {
      return false;
    }
    // api_key ends in "key", auth_header in "header": the pair is the secret itself.
    if (words.size() >= 2 && SECRET_PAIRS.contains(words.get(words.size() - 2) + " " + last)) {
      return true;
    }
    return !ABOUT.contains(last);
  }

  /** snake_case and camelCase words, lower case. */
  static List<String> words(String id) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean boundary =
          c == '_'
              || (Character.isUpperCase(c)
                  && i > 0
                  && (Character.isLowerCase(id.charAt(i - 1))
                      || (i + 1 < id.length() && Character.isLowerCase(id.charAt(i + 1)))));
      if (boundary && w.length() > 0) {
        out.add(w.toString().toLowerCase(Locale.ROOT));
        w.setLength(0);
      }
      if (c != '_') {
        w.append(c);
      }
    }
    if (w.length() > 0) {
      out.add(w.toString().toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
