package org.iom.mtm.indicators.estimate;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs the numbered tasks of one estimation on a given number of threads: the calling thread and
 * threads borrowed from one shared pool of daemons, which keeps idle threads for reuse, so that a
 * request neither starts threads nor leaves any behind. Each thread takes the next task number
 * until none is left, so a slow thread holds up no task queued behind it.
 */
final class Workers {
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "mtm-estimation");
    t.setDaemon(true);
    return t;
  });

  private Workers() {}

  /**
   * Runs {@code task} for 0, 1, ..., {@code tasks - 1} on at most {@code threads} threads, the
   * caller's among them, and returns when all have run. The first exception a task throws is
   * rethrown as it was thrown, after the other threads have stopped.
   *
   * @param threads at least 1
   * @param tasks the number of tasks
   * @param task the work of one task number
   */
  static void run(int threads, int tasks, IntConsumer task) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Runnable worker = () -> {
      for (int t = next.getAndIncrement(); t < tasks && failed.get() == 0; t = next.getAndIncrement()) {
        try {
          task.accept(t);
        } catch (RuntimeException | Error e) {
          failed.incrementAndGet();
          throw e;
        }
      }
    };
    int helpers = Math.min(threads, tasks) - 1;
    if (helpers <= 0) {
      worker.run();
      return;
    }
    Future<?>[] borrowed = new Future<?>[helpers];
    for (int i = 0; i < helpers; i++) {
      borrowed[i] = POOL.submit(worker);
    }
    Throwable first = null;
    try {
      worker.run();
    } catch (RuntimeException | Error e) {
      first = e;
    }
    for (Future<?> f : borrowed) {
      try {
        join(f);
      } catch (RuntimeException | Error e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first instanceof RuntimeException r) {
      throw r;
    }
    if (first instanceof Error e) {
      throw e;
    }
  }

  /** A task's end, its exception rethrown as it was thrown. */
  private static void join(Future<?> part) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          part.get();
          return;
        } catch (InterruptedException e) {
          // the borrowed thread is still writing into this request's arrays: wait it out
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
