package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel completion SHELL prints a script the shell accepts, naming every command and option. */
class CompletionCommandTest {
  @TempDir Path tmp;

  private static boolean has(String tool) {
    try {
      return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private KeelProcess.Outcome shell(String... cmd) {
    return KeelProcess.run(new ProcessBuilder(cmd), tmp, Duration.ofSeconds(30));
  }

  @Test
  void bashCompletesCommandsOptionsAndFormats() throws Exception {
    Assumptions.assumeTrue(has("bash"), "bash is not installed: the bash script is not tried");
    Cli.Outcome o = Cli.run("completion", "bash");
    assertEquals(0, o.code(), o.err());
    Path script = Files.writeString(tmp.resolve("keel.bash"), o.out());
    // Complete "keel check --format " and "keel ch" the way bash would on TAB.
    String probe =
        "source '"
            + script
            + "'; complete -p keel;"
            + " COMP_WORDS=(keel check --format ''); COMP_CWORD=3; COMP_LINE='keel check --format ';"
            + " COMP_POINT=${#COMP_LINE}; _complete_keel; echo \"formats: ${COMPREPLY[*]}\";"
            + " COMP_WORDS=(keel ch); COMP_CWORD=1; COMP_LINE='keel ch'; COMP_POINT=7;"
            + " _complete_keel; echo \"commands: ${COMPREPLY[*]}\";"
            + " COMP_WORDS=(keel check --ex); COMP_CWORD=2; COMP_LINE='keel check --ex';"
            + " COMP_POINT=15; _complete_keel; echo \"options: ${COMPREPLY[*]}\"";
    KeelProcess.Outcome r = shell("bash", "-c", probe);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("-F _complete_keel keel"), r.out());
    assertTrue(r.out().contains("formats: text json sarif github junit"), r.out());
    assertTrue(r.out().contains("commands: check"), r.out());
    assertTrue(r.out().contains("options: --exit-zero"), r.out());
  }

  @Test
  void zshGetsTheBashScriptThroughBashcompinit() throws Exception {
    Cli.Outcome o = Cli.run("completion", "zsh");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().startsWith("autoload -U +X compinit && compinit\n"), o.out());
    assertTrue(o.out().contains("complete -F _complete_keel -o default keel"), o.out());
    Assumptions.assumeTrue(has("zsh"), "zsh is not installed: the zsh script is not tried");
    Path script = Files.writeString(tmp.resolve("keel.zsh"), o.out());
    KeelProcess.Outcome r = shell("zsh", "-c", "source '" + script + "' && echo loaded");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("loaded"), r.out());
  }

  @Test
  void fishNamesEverySubcommandAndTheFormats() throws Exception {
    Cli.Outcome o = Cli.run("completion", "fish");
    assertEquals(0, o.code(), o.err());
    for (String c : List.of("check", "baseline", "explain", "completion")) {
      assertTrue(o.out().contains(" -a " + c + " -d "), c + ": " + o.out());
    }
    assertTrue(
        o.out()
            .contains(
                "complete -c keel -n '__fish_seen_subcommand_from check' -l format -x -a 'text"
                    + " json sarif github junit'"),
        o.out());
    assertTrue(o.out().contains("-s o -l output -r -F"), o.out());
    Assumptions.assumeTrue(has("fish"), "fish is not installed: the fish script is not parsed");
    Path script = Files.writeString(tmp.resolve("keel.fish"), o.out());
    KeelProcess.Outcome r = shell("fish", "--no-execute", script.toString());
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void anUnknownShellIsAUsageError() {
    Cli.Outcome o = Cli.run("completion", "tcsh");
    assertEquals(2, o.code());
    assertTrue(o.err().contains("tcsh"), o.err());
  }
}
