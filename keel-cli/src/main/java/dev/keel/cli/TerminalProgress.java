package dev.keel.cli;

import dev.keel.audit.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A progress line on standard error (a terminal): {@code keel: 1234/5678 files} during the per-file
 * step, a spinner during the project step. Nothing is drawn before {@code delay} has passed, so a
 * run that is over in a moment prints nothing; {@link #close} wipes the line before the report.
 */
final class TerminalProgress implements Progress, AutoCloseable {
  private static final String SPINNER = "|/-\\";
  private static final long FRAME_MILLIS = 100;

  private final PrintWriter err;
  private final long delayNanos;
  private final long start = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private volatile int total = -1;
  private volatile boolean project;
  private volatile boolean closed;
  private boolean drawn;
  private final Thread painter;

  TerminalProgress(PrintWriter err, Duration delay) {
    this.err = err;
    this.delayNanos = delay.toNanos();
    this.painter = Thread.ofPlatform().daemon().name("keel-progress").unstarted(this::paint);
    painter.start();
  }

  @Override
  public void files(int count) {
    total = count;
  }

  @Override
  public void fileDone() {
    done.incrementAndGet();
  }

  @Override
  public void project() {
    project = true;
  }

  private void paint() {
    int frame = 0;
    while (!closed) {
      try {
        Thread.sleep(FRAME_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        if (closed || System.nanoTime() - start < delayNanos || total < 0) {
          continue;
        }
        String line =
            project
                ? "keel: " + SPINNER.charAt(frame++ % SPINNER.length()) + " project step"
                : "keel: " + done.get() + "/" + total + " files";
        err.print("\r\033[K" + line);
        err.flush();
        drawn = true;
      }
    }
  }

  /** Stops drawing and wipes the line, so what follows starts on a clean line. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (drawn) {
        err.print("\r\033[K");
        err.flush();
      }
    }
    painter.interrupt();
  }
}
