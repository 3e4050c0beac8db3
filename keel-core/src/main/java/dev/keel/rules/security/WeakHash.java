package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Locale;
import java.util.Set;

@RuleSpec(
    code = "SEC009",
    summary = "md5 or sha1 used without usedforsecurity=False: broken for passwords and signatures",
    severity = Severity.WARNING,
    effortMinutes = 15)
final class WeakHash implements CallRule {
  private static final Set<String> WEAK = Set.of("md2", "md4", "md5", "sha", "sha1");
  private static final Set<String> OTHER_LIBRARIES =
      Set.of(
          "Crypto.Hash.MD2.new",
          "Crypto.Hash.MD4.new",
          "Crypto.Hash.MD5.new",
          "Crypto.Hash.SHA.new",
          "Crypto.Hash.SHA1.new",
          "Cryptodome.Hash.MD5.new",
          "Cryptodome.Hash.SHA1.new",
          "cryptography.hazmat.primitives.hashes.MD5",
          "cryptography.hazmat.primitives.hashes.SHA1");

  private static final Set<String> CALLS = callsOf(WEAK, OTHER_LIBRARIES);

  private static Set<String> callsOf(Set<String> weak, Set<String> others) {
    Set<String> out = new java.util.HashSet<>(others);
    for (String w : weak) {
      out.add("hashlib." + w);
    }
    out.add("hashlib.new");
    return Set.copyOf(out);
  }

  @Override
  public Set<String> calls() {
    return CALLS;
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (TestCode.of(file)) {
      return;
    }
    String q = file.qualifiedName(call.func()).orElse("");
    String algorithm = null;
    if (q.startsWith("hashlib.") && WEAK.contains(q.substring("hashlib.".length()))) {
      algorithm = q.substring("hashlib.".length());
    } else if (q.equals("hashlib.new")) {
      Expr name = call.argument(0, "name");
      String s = name == null ? null : Literals.stringValue(name);
      if (s != null && WEAK.contains(s.toLowerCase(Locale.ROOT))) {
        algorithm = s.toLowerCase(Locale.ROOT);
      }
    } else if (OTHER_LIBRARIES.contains(q)) {
      file.report(call, q + " is a broken hash: use SHA-256 or better");
      return;
    }
    if (algorithm == null) {
      return;
    }
    Expr forSecurity = call.keyword("usedforsecurity");
    if (forSecurity != null && Literals.isFalse(forSecurity)) {
      return;
    }
    file.report(
        call,
        algorithm
            + " is broken for passwords and signatures: use hashlib.sha256 (or a password"
            + " hash such as hashlib.scrypt), or pass usedforsecurity=False if this is a"
            + " checksum");
  }
}
