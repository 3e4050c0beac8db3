package dev.keel.rule;

import dev.keel.finding.Span;

/** Where a rule puts what it found; the pipeline adds the rule's code, severity and effort. */
public interface FindingSink {
  /** A finding at a region of a file. */
  void report(String path, Span span, String message);

  /** A finding about a file (or the repository, pointing at the file that should change). */
  void report(String path, String message);
}
