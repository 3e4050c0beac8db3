package dev.keel.rules.security;

import dev.keel.finding.Severity;
import dev.keel.python.ast.Expr;
import dev.keel.rule.CallRule;
import dev.keel.rule.FileVisit;
import dev.keel.rule.RuleSpec;
import java.util.Set;

@RuleSpec(
    code = "SEC004",
    summary = "a command built at run time is run by a shell, which also runs whatever it contains",
    severity = Severity.ERROR,
    effortMinutes = 30)
final class ShellCommandInjection implements CallRule {
  /** Run their command through a shell when called with {@code shell=True}. */
  private static final Set<String> SHELL_OPTIONAL =
      Set.of(
          "subprocess.Popen",
          "subprocess.run",
          "subprocess.call",
          "subprocess.check_call",
          "subprocess.check_output");

  /** Always run their command through a shell. */
  private static final Set<String> SHELL_ALWAYS =
      Set.of(
          "os.system",
          "os.popen",
          "subprocess.getoutput",
          "subprocess.getstatusoutput",
          "commands.getoutput",
          "commands.getstatusoutput",
          "popen2.popen2",
          "popen2.popen3",
          "popen2.popen4",
          "asyncio.create_subprocess_shell");

  private static final Set<String> CALLS =
      java.util.stream.Stream.concat(SHELL_OPTIONAL.stream(), SHELL_ALWAYS.stream())
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  @Override
  public Set<String> calls() {
    return CALLS;
  }

  @Override
  public void visitCall(Expr.Call call, FileVisit file) {
    if (TestCode.of(file)) {
      return;
    }
    String q = file.qualifiedName(call.func()).orElseThrow();
    if (SHELL_OPTIONAL.contains(q)) {
      Expr shell = call.keyword("shell");
      if (shell == null || Literals.isFalse(shell) || shell.isNone()) {
        return;
      }
      Expr command = call.argument(0, "args");
      if (command != null && !Literals.isLiteral(command)) {
        file.report(
            call,
            q
                + "(shell=True) with a command built at run time: pass a list of arguments"
                + " without shell=True");
      }
    } else if (SHELL_ALWAYS.contains(q)) {
      Expr command = call.argument(0, q.startsWith("os.") ? "command" : "cmd");
      if (command != null && !Literals.isLiteral(command)) {
        file.report(
            call,
            q
                + "() runs a command built at run time through the shell: use"
                + " subprocess.run() with a list of arguments");
      }
    }
  }
}
