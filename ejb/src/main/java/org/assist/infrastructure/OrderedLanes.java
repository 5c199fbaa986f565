package org.assist.infrastructure;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks on an executor so that the tasks of one key run one at a time, in the order they were
 * handed in, while tasks of other keys run alongside (as many at once as there are lanes). An
 * executor alone may run two tasks of one key at once or turned around: an agent's departure
 * handled before its arrival.
 */
public final class OrderedLanes {
  private final Executor executor;
  private final Lane[] lanes;

  public OrderedLanes(Executor executor, int count) {
    this.executor = executor;
    this.lanes = new Lane[count];
    for (int i = 0; i < count; i++) {
      lanes[i] = new Lane();
    }
  }

  /** Runs the task after the tasks handed in before it for the same key. */
  public void execute(Object key, Runnable task) {
    lanes[Math.floorMod(key.hashCode(), lanes.length)].add(task);
  }

  /** The tasks of the keys that fall in one lane, run by one executor task at a time. */
  private final class Lane implements Runnable {
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    void add(Runnable task) {
      tasks.add(task);
      schedule();
    }

    private void schedule() {
      if (scheduled.compareAndSet(false, true)) {
        try {
          executor.execute(this);
        } catch (RejectedExecutionException e) {
          scheduled.set(false);
          throw e;
        }
      }
    }

    @Override
    public void run() {
      try {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
          task.run();
        }
      } finally {
        scheduled.set(false);
        // a task handed in after the last poll and before the flag was cleared
        if (!tasks.isEmpty()) {
          schedule();
        }
      }
    }
  }
}
