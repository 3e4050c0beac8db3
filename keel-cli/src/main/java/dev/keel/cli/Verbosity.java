package dev.keel.cli;

/** Set by --verbose: internal errors print their stack trace. */
final class Verbosity {
  static volatile boolean verbose;

  private Verbosity() {}
}
