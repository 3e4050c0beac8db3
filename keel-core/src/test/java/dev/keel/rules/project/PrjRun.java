package dev.keel.rules.project;

import dev.keel.finding.Span;
import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.Rule;
import dev.keel.rule.RuleSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Runs every PRJ rule over a project folder, as the audit does, and keeps what they report. */
final class PrjRun {
  /** What a rule reported: its code, path, optional span and message. */
  record Reported(String code, String path, Optional<Span> span, String message) {
    /** {@code CODE path} or {@code CODE path:line}, the form of expected-findings.txt. */
    String key() {
      return code + " " + path + span.map(s -> ":" + s.line()).orElse("");
    }
  }

  private PrjRun() {}

  static List<Reported> run(Path root, LocalDate today) {
    Project project = ProjectDiscovery.discover(List.of(root), Optional.empty(), c -> c);
    ProjectContext context = new ProjectContext(project, today);
    List<Reported> out = new ArrayList<>();
    for (Rule rule : ProjectHygieneRules.all()) {
      String code = rule.getClass().getAnnotation(RuleSpec.class).code();
      ((ProjectRule) rule)
          .check(
              context,
              new FindingSink() {
                @Override
                public void report(String path, Span span, String message) {
                  out.add(new Reported(code, path, Optional.of(span), message));
                }

                @Override
                public void report(String path, String message) {
                  out.add(new Reported(code, path, Optional.empty(), message));
                }
              });
    }
    return out;
  }

  /**
   * Copies a fixture project into {@code target} and makes it a repository root (an empty .git
   * folder), so discovery does not climb into the folders around the fixture.
   */
  static Path copyAsRepository(Path fixture, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(fixture.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Files.createDirectories(target.resolve(".git"));
    return target;
  }

  /** Writes files into a fresh repository folder: path, text, path, text, … */
  static Path project(Path root, String... pathsAndTexts) throws IOException {
    Files.createDirectories(root.resolve(".git"));
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      Path p = root.resolve(pathsAndTexts[i]);
      Files.createDirectories(p.getParent());
      Files.writeString(p, pathsAndTexts[i + 1]);
    }
    return root;
  }
}
