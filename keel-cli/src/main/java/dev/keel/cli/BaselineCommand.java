package dev.keel.cli;

import dev.keel.audit.Audit;
import dev.keel.audit.AuditRequest;
import dev.keel.audit.AuditResult;
import dev.keel.judge.Baseline;
import dev.keel.project.ProjectDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keel baseline}: record the current findings as accepted debt. An existing baseline only
 * shrinks (findings fixed since are dropped) unless {@code --rewrite} accepts new ones.
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = {
      "Record current findings in the baseline file, so check fails only on new ones.",
      "An existing baseline only shrinks; --rewrite records every current finding."
    })
final class BaselineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin AuditOptions options;

  @Option(names = "--rewrite", description = "Accept every current finding, new ones included.")
  boolean rewrite;

  @Override
  public Integer call() {
    AuditRequest request = options.toRequest(false);
    AuditResult result = new Audit().run(request);
    Path file = baselinePath(request, result.root());
    Baseline current = Baseline.of(result.findings());
    var out = spec.commandLine().getOut();
    if (Files.isRegularFile(file) && !rewrite) {
      Baseline old = Baseline.read(file);
      Baseline kept = old.retainOnly(result.findings());
      int added =
          (int) result.findings().stream().filter(f -> !old.contains(f.fingerprint())).count();
      kept.write(file);
      out.println(
          "Baseline "
              + display(result.root(), file)
              + ": kept "
              + kept.size()
              + " of "
              + old.size()
              + " findings"
              + (old.size() > kept.size() ? " (" + (old.size() - kept.size()) + " fixed)" : "")
              + ".");
      if (added > 0) {
        out.println(
            added
                + " new finding"
                + (added == 1 ? " was" : "s were")
                + " not added; fix them, or run keel baseline --rewrite to accept them.");
      }
    } else {
      current.write(file);
      out.println(
          "Baseline "
              + display(result.root(), file)
              + ": recorded "
              + current.size()
              + " findings.");
    }
    out.flush();
    return ExitCode.CLEAN;
  }

  private static Path baselinePath(AuditRequest request, Path root) {
    Optional<Path> explicit = request.baseline();
    if (explicit.isPresent()) {
      return explicit.get();
    }
    var project = ProjectDiscovery.discover(List.of(root), request.configFile(), c -> c);
    return Audit.baselineFile(request, project).orElseThrow();
  }

  private static String display(Path root, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString() : file.toString();
  }
}
