package dev.keel.report;

import java.io.PrintWriter;

/** Writes an audit result in one format. */
public interface Reporter {
  void write(Report result, PrintWriter out);
}
