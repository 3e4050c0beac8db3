package dev.keel.cli;

import dev.keel.audit.AuditResult;
import dev.keel.report.Escape;
import java.io.PrintWriter;

/** What a run could not do (an unreadable folder, an invalid ignore pattern): one line each. */
final class Warnings {
  private Warnings() {}

  static void print(AuditResult result, PrintWriter err) {
    for (String w : result.warnings()) {
      err.println("keel: warning: " + Escape.text(w));
    }
    err.flush();
  }
}
