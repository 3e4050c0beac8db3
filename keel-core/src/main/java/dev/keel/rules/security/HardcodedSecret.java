package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Arguments;
import dev.keel.python.ast.CmpOp;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Keyword;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleSpec(
    code = "SEC006",
    summary =
        "a password, token or key is written in the source, where everyone with the code has it",
    severity = Severity.ERROR,
    effortMinutes = 30)
final class HardcodedSecret implements CallRule {
  /** Per file (this rule object is shared by every thread). */
  private final FileVisit.Memo<Reported> reported =
      FileVisit.Memo.of(() -> new Reported(new HashSet<>()));

  /** Words that make a name a secret whatever its value looks like. */
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "password",
          "passwd",
          "pwd",
          "passphrase",
          "secret",
          "apikey",
          "credential",
          "credentials");

  /** Word pairs that make a name a secret. */
  private static final Set<String> SECRET_PAIRS =
      Set.of(
          "api key",
          "access key",
          "private key",
          "secret key",
          "signing key",
          "auth key",
          "auth token",
          "access token",
          "api token",
          "bearer token",
          "refresh token",
          "session token",
          "bot token");

  /** Words that make a name a secret only when the value looks random. */
  private static final Set<String> KEY_WORDS = Set.of("key", "auth", "salt", "signature", "token");

  /** A last word that says the value is about the secret, not the secret itself. */
  private static final Set<String> NOT_THE_SECRET =
      Set.of(
          "charset",
          "characters",
          "alphabet",
          "url",
          "uri",
          "endpoint",
          "type",
          "types",
          "name",
          "names",
          "field",
          "fields",
          "header",
          "param",
          "prefix",
          "suffix",
          "path",
          "file",
          "filename",
          "dir",
          "env",
          "var",
          "pattern",
          "regex",
          "re",
          "format",
          "fmt",
          "template",
          "label",
          "length",
          "len",
          "count",
          "min",
          "max",
          "id",
          "kind",
          "message",
          "msg",
          "prompt",
          "text",
          "help",
          "hint",
          "error",
          "attr",
          "enabled",
          "disabled",
          "active",
          "used",
          "status",
          "state",
          "required",
          "set",
          "exists",
          "valid",
          "expired",
          "created",
          "updated",
          "reset",
          "changed",
          "attribute",
          "column",
          "col",
          "setting",
          "option",
          "mode",
          "scheme",
          "policy",
          "hash",
          "algorithm",
          "algo",
          "char",
          "chars",
          "sep",
          "separator",
          "class",
          "cls",
          "method",
          "style",
          "location",
          "cache",
          "expiry",
          "expires",
          "lifetime",
          "ttl",
          "timeout");

  private static final Pattern KNOWN_FORMAT =
      Pattern.compile(
          "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"
              + "|\\bghp_[A-Za-z0-9]{36}\\b"
              + "|\\bgh[ousr]_[A-Za-z0-9]{36}\\b"
              + "|\\bgithub_pat_[A-Za-z0-9_]{60,}"
              + "|\\bxox[abposr]-[A-Za-z0-9-]{10,}"
              + "|\\b[sr]k_live_[A-Za-z0-9]{20,}"
              + "|-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----");

  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "(?i).*(?:x{3,}|\\*{3,}|\\.{3}|changeme|change[-_ ]me|example|placeholder|your[-_ ]"
              + "|<[^>]*>|\\$\\{|\\{\\{|%\\(|%s|\\{\\}|\\{[a-z_]+\\}|redacted|todo|fixme"
              + "|dummy|fake|mock|sample|notasecret|not[-_ ]a[-_ ]secret).*");

  /**
   * The name of a file that holds a key, not the key: {@code GOOGLE_APPLICATION_CREDENTIALS =
   * "service_account.json"}, {@code SSL_KEY = "certs/server.key"}.
   */
  private static final Pattern KEY_FILE =
      Pattern.compile(
          "(?i)[~\\w.-]+(?:/[\\w.-]+)*\\.(?:json|pem|key|crt|cer|der|p12|pfx|jks|keystore|gpg|asc"
              + "|yaml|yml|ini|cfg|conf|toml|txt|env)");

  /** Settings values, not secrets: {@code password_enabled = "true"}. */
  private static final Set<String> FLAG_VALUES =
      Set.of(
          "true",
          "false",
          "yes",
          "no",
          "none",
          "null",
          "enabled",
          "disabled",
          "on",
          "off",
          "required",
          "optional",
          "always",
          "never",
          "auto");

  private record Reported(Set<Integer> starts) {}

  @Override
  public Set<Class<? extends Node>> nodeKinds() {
    return Set.of(
        Stmt.Assign.class,
        Stmt.AnnAssign.class,
        Expr.Dict.class,
        Expr.Compare.class,
        Arguments.class,
        Expr.Constant.class);
  }

  @Override
  public Set<String> calls() {
    return Set.of(EVERY_CALL);
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    for (int i = 0, size = call.keywords().size(); i < size; i++) {
      Keyword k = call.keywords().get(i);
      if (k.arg() != null) {
        byName(k.arg(), k.value(), file);
      }
    }
  }

  @Override
  public void visit(Node node, FileVisit file) {
    switch (node) {
      case Stmt.Assign a -> {
        for (int i = 0, size = a.targets().size(); i < size; i++) {
          Expr t = a.targets().get(i);
          byName(nameOf(t), a.value(), file);
        }
      }
      case Stmt.AnnAssign a -> {
        if (a.value() != null) {
          byName(nameOf(a.target()), a.value(), file);
        }
      }
      case Expr.Dict d -> {
        for (int i = 0; i < d.keys().size(); i++) {
          Expr k = d.keys().get(i);
          if (k != null && Literals.stringValue(k) != null) {
            byName(Literals.stringValue(k), d.values().get(i), file);
          }
        }
      }
      case Expr.Compare c -> {
        if (c.ops().size() == 1 && (c.ops().get(0) == CmpOp.Eq || c.ops().get(0) == CmpOp.NotEq)) {
          byName(nameOf(c.left()), c.comparators().get(0), file);
        }
      }
      case Arguments args -> {
        List<dev.keel.python.ast.Arg> positional = new ArrayList<>(args.posonlyargs());
        positional.addAll(args.args());
        int offset = positional.size() - args.defaults().size();
        for (int i = 0; i < args.defaults().size(); i++) {
          byName(positional.get(offset + i).arg(), args.defaults().get(i), file);
        }
        for (int i = 0; i < args.kwonlyargs().size(); i++) {
          Expr d = args.kwDefaults().get(i);
          if (d != null) {
            byName(args.kwonlyargs().get(i).arg(), d, file);
          }
        }
      }
      case Expr.Constant c -> byFormat(c, file);
      default -> {}
    }
  }

  private void byName(String name, Expr value, FileVisit file) {
    String s = value == null ? null : Literals.stringValue(value);
    if (name == null || s == null || !mayNameASecret(name) || TestCode.of(file)) {
      return;
    }
    List<String> words = words(name);
    if (words.isEmpty() || NOT_THE_SECRET.contains(words.get(words.size() - 1))) {
      return;
    }
    boolean secretName = false;
    boolean keyName = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      secretName |= SECRET_WORDS.contains(w);
      secretName |= i + 1 < words.size() && SECRET_PAIRS.contains(w + " " + words.get(i + 1));
      keyName |= KEY_WORDS.contains(w);
    }
    if (!secretName && !keyName) {
      return;
    }
    String v = s.strip();
    if (v.length() < 4
        || PLACEHOLDER.matcher(v).matches()
        || v.chars().distinct().count() < 3
        || FLAG_VALUES.contains(v.toLowerCase(Locale.ROOT))
        || v.matches("[a-z]+(?:_[a-z]+)+")
        || v.startsWith("/")
        || v.startsWith("./")
        || KEY_FILE.matcher(v).matches()
        || v.contains("://") && !v.contains("@")
        || looksLikeAWordFor(v, words)) {
      return;
    }
    boolean random = looksRandom(v);
    if (secretName && (random || !v.contains(" ")) || keyName && random) {
      report(
          file,
          value,
          "'"
              + name
              + "' is assigned a literal secret: read it from the environment or a secret store");
    }
  }

  private void byFormat(Expr.Constant c, FileVisit file) {
    // A literal's value is never longer than its source text (escapes only shorten it): most
    // constants are too short to hold a key, and are left without reading their value.
    if (c.range().end() - c.range().start() < 16) {
      return;
    }
    String s = Literals.stringValue(c);
    if (s == null || s.length() < 16 || !mayHoldAKnownFormat(s)) {
      return;
    }
    Matcher m = KNOWN_FORMAT.matcher(s);
    if (m.find()
        && !PLACEHOLDER.matcher(m.group()).matches()
        && !s.toUpperCase(Locale.ROOT).contains("EXAMPLE")) {
      String kind =
          m.group().startsWith("-----")
              ? "a private key"
              : "a credential (" + prefix(m.group()) + "…)";
      report(file, c, "the source holds " + kind + ": revoke it and load it from a secret store");
    }
  }

  private static final String[] NAME_HINTS = {
    "pass", "pwd", "secret", "token", "key", "auth", "salt", "signature", "credential"
  };

  /** A cheap test before splitting the name into words. */
  private static boolean mayNameASecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String h : NAME_HINTS) {
      if (lower.contains(h)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A cheap test before the regular expression: whether some known format's opening ({@code AKIA},
   * {@code ASIA}, {@code ghp_}/{@code gho_}/{@code ghu_}/{@code ghs_}/{@code ghr_}, {@code
   * github_pat_}, {@code xox}, {@code k_live_}, {@code -----BEGIN}) occurs in it. Strings are
   * mostly docstrings and messages, so this runs over much text.
   */
  private static boolean mayHoldAKnownFormat(String s) {
    // String.indexOf is vectorised: a few scans for the rare openings beat one pass char by char.
    if (s.contains("AKIA")
        || s.contains("ASIA")
        || s.contains("xox")
        || s.contains("k_live_")
        || s.contains("-----BEGIN")
        || s.contains("github_pat_")) {
      return true;
    }
    // gh?_ with ? one of p, o, u, s, r: found from its underscore, rarer in prose than "gh".
    for (int i = s.indexOf('_', 3); i >= 0; i = s.indexOf('_', i + 1)) {
      if (s.charAt(i - 3) == 'g'
          && s.charAt(i - 2) == 'h'
          && "pousr".indexOf(s.charAt(i - 1)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static String prefix(String token) {
    return token.substring(0, Math.min(token.length(), 4));
  }

  private void report(FileVisit file, Expr value, String message) {
    Reported r = file.memo(reported);
    if (r.starts().add(value.range().start())) {
      file.report(value, message);
    }
  }

  private static String nameOf(Expr e) {
    return switch (e) {
      case Expr.Name n -> n.id();
      case Expr.Attribute a -> a.attr();
      case Expr.Subscript s -> Literals.stringValue(s.slice());
      default -> null;
    };
  }

  /** The lower-case words of an identifier or key: {@code dbPassword} and {@code DB_PASSWORD}. */
  static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    for (String part : name.split("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])")) {
      if (!part.isEmpty()) {
        out.add(part.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** {@code PASSWORD_FIELD = "password"}: the value names the secret, it is not one. */
  private static boolean looksLikeAWordFor(String v, List<String> words) {
    String lower = v.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (lower.isEmpty()) {
      return false;
    }
    for (String w : words) {
      if (lower.contains(w) || w.contains(lower)) {
        return true;
      }
    }
    return SECRET_WORDS.stream().anyMatch(lower::contains) || lower.equals("pass");
  }

  /**
   * {@code pipeline_definition_s3_location}, {@code user-profile.v2}: mostly words joined by
   * separators, as identifiers and keys are written; random tokens are not.
   */
  private static boolean isIdentifierLike(String v) {
    String[] parts = v.split("[_.\\-/:]+");
    if (parts.length < 2) {
      return false;
    }
    int words = 0;
    for (String p : parts) {
      if (p.length() >= 3 && p.chars().allMatch(Character::isLetter)) {
        words++;
      }
    }
    return words * 2 >= parts.length;
  }

  /** At least 16 characters of mixed classes with about 3.5 bits of entropy per character. */
  static boolean looksRandom(String v) {
    if (v.length() < 16 || v.contains(" ") || isIdentifierLike(v)) {
      return false;
    }
    int[] counts = new int[128];
    int other = 0;
    for (char ch : v.toCharArray()) {
      if (ch < 128) {
        counts[ch]++;
      } else {
        other++;
      }
    }
    double entropy = 0;
    for (int n : counts) {
      if (n > 0) {
        double p = (double) n / v.length();
        entropy -= p * Math.log(p) / Math.log(2);
      }
    }
    boolean digits = v.chars().anyMatch(Character::isDigit);
    boolean letters = v.chars().anyMatch(Character::isLetter);
    return other == 0 && digits && letters && entropy >= 3.5;
  }
}
