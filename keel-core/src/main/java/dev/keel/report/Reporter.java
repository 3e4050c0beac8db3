package dev.keel.report;

import dev.keel.audit.AuditResult;
import java.io.PrintWriter;

/** Writes an audit result in one format. */
public interface Reporter {
  void write(AuditResult result, PrintWriter out);
}
