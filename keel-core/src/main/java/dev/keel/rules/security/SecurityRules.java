package dev.keel.rules.security;

import dev.keel.rule.Rule;
import java.util.List;

/** The {@code SEC} family. */
public final class SecurityRules {
  private SecurityRules() {}

  public static List<Rule> all() {
    return List.of(
        new EvalOfNonLiteral(),
        new UnsafeDeserialization(),
        new UnsafeYamlLoad(),
        new ShellCommandInjection(),
        new SqlBuiltFromStrings(),
        new HardcodedSecret(),
        new TlsVerificationDisabled(),
        new InsecureTempFile(),
        new WeakHash(),
        new DebugModeEnabled(),
        new BindAllInterfaces(),
        new SecretLogged());
  }
}
