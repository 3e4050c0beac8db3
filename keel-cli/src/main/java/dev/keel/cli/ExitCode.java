package dev.keel.cli;

/** The exit codes of every keel command. */
final class ExitCode {
  /** Nothing that fails the run. */
  static final int CLEAN = 0;

  /** New findings at or above the failing severity. */
  static final int FINDINGS = 1;

  /** A usage or configuration error: a bad flag, path, key or code. */
  static final int USAGE = 2;

  private ExitCode() {}
}
