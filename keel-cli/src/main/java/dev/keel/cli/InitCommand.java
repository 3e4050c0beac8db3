package dev.keel.cli;

import dev.keel.AtomicFile;
import dev.keel.config.ConfigException;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelConfig;
import dev.keel.config.Threshold;
import dev.keel.config.Thresholds;
import dev.keel.project.ProjectDiscovery;
import dev.keel.report.Escape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keel init}: write a starting {@code [tool.keel]} section. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Write a starting [tool.keel] section into the project's pyproject.toml",
      "(creating the file if there is none), or print it with --print."
    })
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..1",
      description = "The project folder (default: the current folder).")
  Path path = Path.of(".");

  @Option(names = "--print", description = "Print the section instead of writing it.")
  boolean print;

  @Override
  public Integer call() {
    Path dir = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(
          (Files.exists(dir) ? "not a folder: " : "path does not exist: ") + path);
    }
    Path root = ProjectDiscovery.findRoot(dir);
    String section = section(root);
    PrintWriter out = spec.commandLine().getOut();
    if (print) {
      out.print(section);
      out.flush();
      return ExitCode.CLEAN;
    }
    Path pyproject = root.resolve("pyproject.toml");
    try {
      // A committed pyproject.toml that is a link out of the project is neither read nor
      // replaced: init would write the user's file elsewhere. A link inside it is written through.
      AtomicFile.requireInside(root, pyproject);
      if (Files.isDirectory(pyproject)) {
        throw new ConfigException(pyproject + " is a folder, not a file");
      }
      String existing = "";
      if (Files.isRegularFile(pyproject)) {
        var toml = ConfigLoader.parseToml(pyproject);
        if (toml.contains("tool.keel")) {
          throw new ConfigException(
              pyproject + " already has a [tool.keel] section; edit it, or use keel init --print");
        }
        existing = Files.readString(pyproject, StandardCharsets.UTF_8);
      }
      String sep =
          existing.isEmpty()
              ? ""
              : existing.endsWith("\n\n") ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
      AtomicFile.writeInside(
          root, pyproject, (existing + sep + section).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("cannot write " + pyproject + ": " + AtomicFile.why(e));
    }
    out.println("Wrote [tool.keel] to " + Escape.text(pyproject.toString()));
    out.flush();
    return ExitCode.CLEAN;
  }

  /** A commented starting section; folders that look like prototypes go in that tier. */
  static String section(Path root) {
    List<String> prototype = new ArrayList<>();
    for (String d : List.of("notebooks", "scripts", "experiments", "sandbox", "playground")) {
      if (Files.isDirectory(root.resolve(d))) {
        prototype.add("\"" + d + "/\"");
      }
    }
    StringBuilder s = new StringBuilder();
    s.append("[tool.keel]\n");
    s.append("# Families or codes to run (keel rules lists them); empty means all.\n");
    s.append("select = []\n");
    s.append("ignore = []\n");
    s.append("# Paths to leave out, as .gitignore patterns (.gitignore itself is honoured).\n");
    s.append("exclude = []\n");
    s.append("# Lowest severity that fails keel check: error, warning or info.\n");
    s.append("fail-on = \"").append(KeelConfig.DEFAULT_FAIL_ON.label()).append("\"\n");
    s.append("# Accepted findings (write it with: keel baseline).\n");
    s.append("baseline = \"").append(KeelConfig.DEFAULT_BASELINE).append("\"\n");
    s.append("\n[tool.keel.tiers]\n");
    s.append("# Prototype code gets syntax and security checks only.\n");
    s.append("prototype = [").append(String.join(", ", prototype)).append("]\n");
    s.append("critical = []\n");
    s.append("\n[tool.keel.thresholds]\n");
    for (Threshold t : Threshold.values()) {
      s.append(t.key()).append(" = ").append(t.of(Thresholds.DEFAULTS)).append('\n');
    }
    return s.toString();
  }
}
