package dev.keel.rules.names;

import dev.keel.rule.FileVisit;
import dev.keel.semantic.NameIssue;
import java.util.function.Predicate;

/** What the NAM rules share: report the semantic model's issues of one kind. */
final class NameIssues {
  private NameIssues() {}

  /**
   * Reports the issues of {@code kind} that {@code keep} accepts. A file that does not parse is
   * left to SYN001: names in a half-parsed tree mislead.
   */
  static void report(FileVisit file, NameIssue.Kind kind, Predicate<NameIssue> keep) {
    if (!file.parse().ok()) {
      return;
    }
    for (NameIssue i : file.semantic().issues(kind)) {
      if (keep.test(i)) {
        file.report(i.range(), i.message());
      }
    }
  }
}
