package dev.keel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keel completion bash|zsh|fish}: a shell completion script for every command and option,
 * generated from the same declarations as {@code --help} (picocli's generator for bash and zsh,
 * ours for fish).
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a shell completion script.",
      "bash:  source <(keel completion bash)   (or save it in"
          + " ~/.local/share/bash-completion/completions/keel)",
      "zsh:   source <(keel completion zsh)    (in ~/.zshrc)",
      "fish:  keel completion fish > ~/.config/fish/completions/keel.fish"
    })
final class CompletionCommand implements Callable<Integer> {
  /** The shells a script is written for. */
  enum Shell {
    BASH,
    ZSH,
    FISH;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
  Shell shell;

  @Override
  public Integer call() {
    CommandLine root = spec.commandLine().getParent();
    PrintWriter out = spec.commandLine().getOut();
    switch (shell) {
      case BASH -> out.print(AutoComplete.bash("keel", root));
      case ZSH -> {
        // picocli's script runs in zsh through bashcompinit, as its documentation says.
        out.println("autoload -U +X compinit && compinit");
        out.println("autoload -U +X bashcompinit && bashcompinit");
        out.print(AutoComplete.bash("keel", root));
      }
      case FISH -> out.print(fish(root));
    }
    out.flush();
    return ExitCode.CLEAN;
  }

  /** complete(1) lines for fish: the subcommands, then each one's options and their values. */
  static String fish(CommandLine root) {
    StringBuilder b = new StringBuilder("# fish completion for keel (keel completion fish)\n");
    b.append("complete -c keel -f\n");
    List<String> names = new ArrayList<>(root.getSubcommands().keySet());
    String none = "not __fish_seen_subcommand_from " + String.join(" ", names);
    for (var e : root.getSubcommands().entrySet()) {
      b.append("complete -c keel -n '")
          .append(none)
          .append("' -a ")
          .append(e.getKey())
          .append(" -d ")
          .append(quote(summary(e.getValue().getCommandSpec())))
          .append('\n');
    }
    for (OptionSpec o : root.getCommandSpec().options()) {
      option(b, "__fish_use_subcommand", o);
    }
    for (var e : root.getSubcommands().entrySet()) {
      CommandSpec sub = e.getValue().getCommandSpec();
      String when = "__fish_seen_subcommand_from " + e.getKey();
      for (OptionSpec o : sub.options()) {
        if (!o.hidden()) {
          option(b, when, o);
        }
      }
      if (!sub.positionalParameters().isEmpty()) {
        var p = sub.positionalParameters().get(0);
        List<String> values = candidates(p.completionCandidates());
        if (!values.isEmpty()) {
          b.append("complete -c keel -n '")
              .append(when)
              .append("' -a ")
              .append(quote(String.join(" ", values)))
              .append('\n');
        } else if (p.type() == java.nio.file.Path.class
            || p.auxiliaryTypes()[0] == java.nio.file.Path.class) {
          b.append("complete -c keel -n '").append(when).append("' -F\n");
        }
      }
    }
    return b.toString();
  }

  private static void option(StringBuilder b, String when, OptionSpec o) {
    b.append("complete -c keel -n '").append(when).append("'");
    for (String n : o.names()) {
      if (n.startsWith("--")) {
        b.append(" -l ").append(n.substring(2));
      } else if (n.startsWith("-") && n.length() == 2) {
        b.append(" -s ").append(n.substring(1));
      }
    }
    if (o.arity().max() > 0) {
      List<String> values = candidates(o.completionCandidates());
      if (!values.isEmpty()) {
        b.append(" -x -a ").append(quote(String.join(" ", values)));
      } else if (o.type() == java.nio.file.Path.class || o.type() == java.io.File.class) {
        b.append(" -r -F");
      } else {
        b.append(" -x");
      }
    }
    String[] d = o.description();
    if (d.length > 0) {
      b.append(" -d ").append(quote(firstSentence(d[0])));
    }
    b.append('\n');
  }

  private static List<String> candidates(Iterable<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      values.forEach(out::add);
    }
    return out;
  }

  private static String summary(CommandSpec spec) {
    String[] d = spec.usageMessage().description();
    return d.length == 0 ? "" : firstSentence(d[0]);
  }

  private static String firstSentence(String s) {
    String t = s.replaceAll("\\$\\{[^}]*}", "").replace("%n", " ").strip();
    int dot = t.indexOf(". ");
    t = dot < 0 ? t : t.substring(0, dot + 1);
    return t.length() > 80 ? t.substring(0, 77) + "..." : t;
  }

  /** A fish single-quoted word: only {@code \} and {@code '} need escaping. */
  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
