package dev.keel.audit;

/**
 * How far an audit got, for a progress line on a terminal. Called from the worker threads: an
 * implementation must be thread-safe and cheap (it runs once per file).
 */
public interface Progress {
  /** Tells nothing to anyone. */
  Progress NONE =
      new Progress() {
        @Override
        public void files(int total) {}

        @Override
        public void fileDone() {}

        @Override
        public void project() {}
      };

  /** The per-file step starts over {@code total} files. */
  void files(int total);

  /** One more file is analysed (or abandoned). */
  void fileDone();

  /** The per-file step is over; the project step (import graph, project rules, judge) starts. */
  void project();
}
