package org.iom.mtm.indicators.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** {@link Workers}: every task once, on the threads asked for, and a task's exception as thrown. */
class WorkersTest {

  @Test
  void everyTaskRunsOnceWhateverTheThreads() {
    for (int threads = 1; threads <= 5; threads++) {
      for (int tasks : new int[] {0, 1, 2, 7, 64}) {
        AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(1, tasks));
        Workers.run(threads, tasks, t -> runs.incrementAndGet(t));
        for (int t = 0; t < tasks; t++) {
          assertEquals(1, runs.get(t), threads + " threads, task " + t + " of " + tasks);
        }
      }
    }
  }

  @Test
  void oneThreadRunsTheTasksInOrderOnTheCaller() {
    Thread caller = Thread.currentThread();
    int[] order = new int[5];
    int[] next = {0};
    Workers.run(1, 5, t -> {
      assertSame(caller, Thread.currentThread());
      order[next[0]++] = t;
    });
    assertEquals("[0, 1, 2, 3, 4]", Arrays.toString(order));
  }

  @Test
  void aTasksExceptionIsRethrownAsItWasThrown() {
    for (int threads = 1; threads <= 3; threads++) {
      int given = threads;
      IllegalArgumentException thrown = new IllegalArgumentException("lonely PSU in stratum 'B'");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Workers.run(given, 40, t -> {
            if (t == 17) {
              throw thrown;
            }
          }));
      assertSame(thrown, e);
    }
    AssertionError error = assertThrows(AssertionError.class, () -> Workers.run(2, 4, t -> {
      throw new AssertionError("task " + t);
    }));
    assertTrue(error.getMessage().startsWith("task "), error.getMessage());
  }
}
