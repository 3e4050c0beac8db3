package dev.keel.cli;

import dev.keel.AtomicFile;
import dev.keel.audit.Audit;
import dev.keel.audit.AuditRequest;
import dev.keel.audit.AuditResult;
import dev.keel.config.ConfigException;
import dev.keel.judge.Baseline;
import dev.keel.judge.Judge;
import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import dev.keel.report.Escape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keel baseline}: record the current findings as accepted debt. An existing baseline only
 * shrinks (findings fixed since are dropped) unless {@code --rewrite} accepts new ones; either way
 * only the entries this run judged (a rule that ran, on a path that was checked) can be dropped, so
 * {@code --select}, {@code --ignore} and a subset of paths leave every other entry as it was.
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = {
      "Record current findings in the baseline file, so check fails only on new ones.",
      "An existing baseline only shrinks; --rewrite records every current finding.",
      "Entries of rules and paths outside --select, --ignore or the PATHs are kept as they are."
    })
final class BaselineCommand implements Callable<Integer> {
  /** The findings that say a file was skipped: judged even on a skipped file. */
  @Spec CommandSpec spec;

  @Mixin AuditOptions options;

  @Option(names = "--rewrite", description = "Accept every current finding, new ones included.")
  boolean rewrite;

  @Override
  public Integer call() {
    AuditRequest request = options.request().withoutBaseline().build();
    Project project = ProjectDiscovery.discover(request.paths(), request.configFile(), c -> c);
    Path file =
        request.baseline().orElseGet(() -> Audit.baselineFile(request, project).orElseThrow());
    // A path from the command line is the user's choice; one from the repository (the default
    // name or [tool.keel] baseline) is whatever a pull request committed, and a link there must not
    // make keel baseline read or overwrite a file outside the project.
    Optional<Path> confine =
        request.baseline().isPresent() ? Optional.empty() : Optional.of(project.root());
    if (confine.isPresent()) {
      try {
        AtomicFile.requireInside(confine.get(), file);
      } catch (IOException e) {
        throw new ConfigException("cannot write baseline " + file + ": " + AtomicFile.why(e));
      }
    }
    if (Files.isDirectory(file)) {
      throw new ConfigException("baseline " + file + " is a folder, not a file");
    }
    AuditResult result = new Audit().run(request);
    Warnings.print(result, spec.commandLine().getErr());
    Set<String> ran = new HashSet<>();
    result.rules().forEach(r -> ran.add(r.code()));
    // A file Keel skipped (a link out of the project, a FIFO, a file too large) or whose analysis
    // it abandoned was not judged: its entries stay, except those of the finding that says so.
    Set<String> unjudged = new HashSet<>(result.notRead());
    unjudged.addAll(result.unjudged());
    Predicate<Baseline.Entry> judged =
        e ->
            ran.contains(e.code())
                && project.inScope(e.path())
                && (!unjudged.contains(e.path()) || Judge.UNJUDGED_CODES.contains(e.code()));
    var out = spec.commandLine().getOut();
    String name = Escape.text(display(result.root(), file));
    if (!Files.isRegularFile(file)) {
      Baseline current = Baseline.of(result.findings());
      current.write(file, confine);
      out.println("Baseline " + name + ": recorded " + current.size() + " findings.");
      out.flush();
      return ExitCode.CLEAN;
    }
    Baseline old = Baseline.read(file, confine);
    Baseline next = old.update(result.findings(), judged, rewrite);
    int untouched = (int) old.entries().stream().filter(judged.negate()).count();
    Set<String> found = new HashSet<>();
    result.findings().forEach(f -> found.add(f.fingerprint()));
    int fixed =
        (int)
            old.entries().stream()
                .filter(judged)
                .filter(e -> !found.contains(e.fingerprint()))
                .count();
    int fresh =
        (int) result.findings().stream().filter(f -> !old.contains(f.fingerprint())).count();
    next.write(file, confine);
    StringBuilder line = new StringBuilder("Baseline " + name + ": ");
    if (rewrite) {
      line.append("recorded ").append(next.size()).append(" findings");
      List<String> why = new ArrayList<>();
      if (fresh > 0) {
        why.add(fresh + " new");
      }
      if (fixed > 0) {
        why.add(fixed + " fixed");
      }
      if (!why.isEmpty()) {
        line.append(" (").append(String.join(", ", why)).append(")");
      }
    } else {
      line.append("kept ")
          .append(next.size())
          .append(" of ")
          .append(old.size())
          .append(" findings");
      if (fixed > 0) {
        line.append(" (").append(fixed).append(" fixed)");
      }
    }
    if (untouched > 0) {
      line.append("; ")
          .append(untouched)
          .append(untouched == 1 ? " entry" : " entries")
          .append(" of rules or paths this run did not check kept as they were");
    }
    out.println(line.append('.'));
    if (fresh > 0 && !rewrite) {
      out.println(
          fresh
              + " new finding"
              + (fresh == 1 ? " was" : "s were")
              + " not added; fix them, or run keel baseline --rewrite to accept them.");
    }
    out.flush();
    return ExitCode.CLEAN;
  }

  private static String display(Path root, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString() : file.toString();
  }
}
