package dev.keel.project;

/** What a file is to the audit. */
public enum FileKind {
  /** A Python module of the code under audit. */
  SOURCE,
  /** A Python module of the test suite (test_*.py, *_test.py, conftest.py, under tests/). */
  TEST,
  /** A Jupyter notebook. */
  NOTEBOOK,
  /** Anything else: configuration, lockfiles, README, CI files, .env files. */
  OTHER
}
