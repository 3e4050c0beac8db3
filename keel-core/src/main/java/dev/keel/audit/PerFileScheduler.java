package dev.keel.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Runs the per-file step on worker threads of its own, with a deadline per file.
 *
 * <p>Workers are daemon threads with a deep stack, so a deep but valid tree does not overflow it
 * and a worker that never returns cannot keep the process alive. The calling thread is the
 * watchdog: a file whose work runs past the limit gets the abandoned outcome instead, its worker is
 * interrupted (the parser, the binder and the walk check the flag and give up) and retired, and a
 * fresh worker takes its place, so the run goes on at full width and ends on time whatever the
 * abandoned worker still does. A file that finishes but took longer than the limit is abandoned the
 * same way, so the verdict depends on the time the file took, not on when the watchdog happened to
 * look.
 *
 * <p>Results come back in input order whatever the number of threads.
 *
 * <p>The watchdog waits with {@link LockSupport#parkNanos} on a counter, not on a latch: a latch's
 * timed wait that meets an out-of-memory error while queueing keeps retrying until the latch opens,
 * ignoring its timeout, so a run whose workers had all failed for want of memory waited forever.
 */
final class PerFileScheduler {
  /**
   * Stack of each worker. Reserved, not committed: the memory is only touched by a tree that nests
   * that deep, and the parser's own limits keep the depth well below it.
   */
  static final long STACK_BYTES = 512L << 20;

  /** A worker's index once the watchdog has taken its file. */
  private static final int RETIRED = -2;

  private final int threads;
  private final long limitNanos;

  PerFileScheduler(int threads, Duration limit) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("the limit must be positive");
    }
    this.threads = threads;
    this.limitNanos = saturatedNanos(limit);
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * {@code work.apply(i)} for every {@code i} below {@code count}, in order; {@code abandoned}
   * gives the result of an index whose work ran past the limit. An exception or error thrown by
   * {@code work} stops the run and is rethrown here.
   */
  <R> List<R> map(int count, IntFunction<? extends R> work, IntFunction<? extends R> abandoned) {
    Run<R> run = new Run<>(count, work, abandoned);
    return run.await();
  }

  /** One call of {@link #map}: the shared state of its workers and its watchdog. */
  private final class Run<R> {
    private final int count;
    private final IntFunction<? extends R> work;
    private final IntFunction<? extends R> abandoned;
    private final AtomicReferenceArray<Object> results;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger unfinished;
    private volatile Thread watchdog;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Worker> workers = new ArrayList<>();
    private int started;

    Run(int count, IntFunction<? extends R> work, IntFunction<? extends R> abandoned) {
      this.count = count;
      this.work = work;
      this.abandoned = abandoned;
      this.results = new AtomicReferenceArray<>(count);
      this.unfinished = new AtomicInteger(count);
    }

    List<R> await() {
      watchdog = Thread.currentThread();
      for (int i = 0; i < Math.min(threads, count); i++) {
        startWorker();
      }
      // Looking a few times per limit is enough: a file is abandoned at most one poll late.
      long pollNanos = Math.max(1_000_000L, Math.min(50_000_000L, limitNanos / 10));
      while (unfinished.get() > 0 && failure.get() == null) {
        LockSupport.parkNanos(this, pollNanos);
        if (Thread.interrupted()) {
          stopAll();
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while files were being analysed");
        }
        abandonLateFiles();
      }
      Throwable t = failure.get();
      if (t != null) {
        stopAll();
        switch (t) {
          case RuntimeException re -> throw re;
          case Error err -> throw err;
          default -> throw new IllegalStateException(t);
        }
      }
      List<R> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        @SuppressWarnings("unchecked")
        R r = (R) results.get(i);
        out.add(r);
      }
      return out;
    }

    private void startWorker() {
      Worker w = new Worker();
      Thread t = new Thread(null, w, "keel-file-" + ++started, STACK_BYTES);
      t.setDaemon(true);
      w.thread = t;
      workers.add(w);
      t.start();
    }

    private void abandonLateFiles() {
      long now = System.nanoTime();
      // startWorker adds to the list while this loops: an index loop sees the new ones too.
      for (int k = 0; k < workers.size(); k++) {
        Worker w = workers.get(k);
        int i = w.current.get();
        // current before startedAt: the worker writes them the other way round, so an index is
        // never paired with the start of the file before it.
        if (i >= 0 && now - w.startedAt > limitNanos && w.current.compareAndSet(i, RETIRED)) {
          // The worker has not handed in i and never will: it fails the same exchange and stops.
          settle(i, abandoned.apply(i));
          w.thread.interrupt();
          if (next.get() < count) {
            startWorker();
          }
        }
      }
    }

    private void settle(int i, Object result) {
      results.set(i, result);
      if (unfinished.decrementAndGet() == 0) {
        LockSupport.unpark(watchdog);
      }
    }

    private void fail(Throwable t) {
      failure.compareAndSet(null, t);
      LockSupport.unpark(watchdog);
    }

    private void stopAll() {
      next.set(count);
      for (Worker w : workers) {
        w.thread.interrupt();
      }
    }

    /** One worker: takes the next index until none is left, or until the watchdog retires it. */
    private final class Worker implements Runnable {
      volatile Thread thread;

      /** The index being worked on, -1 between files, {@link #RETIRED} once abandoned. */
      final AtomicInteger current = new AtomicInteger(-1);

      volatile long startedAt;

      @Override
      public void run() {
        while (true) {
          int i = next.getAndIncrement();
          if (i >= count) {
            return;
          }
          startedAt = System.nanoTime();
          current.set(i);
          Object r;
          try {
            r = work.apply(i);
          } catch (Throwable t) {
            if (current.compareAndSet(i, -1)) {
              fail(t);
            }
            return;
          }
          if (!current.compareAndSet(i, -1)) {
            return; // the watchdog took this file and gave it its abandoned outcome
          }
          // Finished, but later than the limit: the verdict the watchdog would have given, so it
          // does not depend on when the watchdog looked.
          try {
            settle(i, System.nanoTime() - startedAt > limitNanos ? abandoned.apply(i) : r);
          } catch (Throwable t) {
            // Out of memory while settling: the file would stay unfinished and unwatched (it is
            // no longer current), so the run would wait for it forever; fail the run instead.
            fail(t);
            return;
          }
        }
      }
    }
  }
}
