package org.assist.agent.sysinfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assist.protocol.SystemInfoDocument.Category;
import org.assist.protocol.SystemInfoDocument.Section;

/**
 * Collects categories side by side, each within its own time budget: a category that is slow or
 * fails becomes an error line and never holds back the others. Threads are daemons and idle ones go
 * away, so a stuck native call cannot pile up work or keep the agent alive.
 */
final class CategoryRunner {
  /** One category's collection. */
  interface Collector extends Callable<List<Section>> {}

  record Entry(Collector collector, Duration budget) {}

  // threads outlive a collection by a few seconds only (a Refresh reuses them): an idle agent
  // keeps none of their stacks
  private final ExecutorService pool =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          3,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          task -> {
            Thread thread = new Thread(task, "assist-sysinfo");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  CategoryRunner add(String id, Duration budget, Collector collector) {
    entries.put(id, new Entry(collector, budget));
    return this;
  }

  List<Category> collect() {
    long start = System.nanoTime();
    Map<String, Future<List<Section>>> running = new LinkedHashMap<>();
    Map<String, Long> took = new java.util.concurrent.ConcurrentHashMap<>();
    entries.forEach(
        (id, entry) ->
            running.put(
                id,
                pool.submit(
                    () -> {
                      long begin = System.nanoTime();
                      try {
                        return entry.collector().call();
                      } finally {
                        took.put(id, millisSince(begin));
                      }
                    })));
    List<Category> categories = new ArrayList<>();
    for (Map.Entry<String, Future<List<Section>>> task : running.entrySet()) {
      String id = task.getKey();
      Duration budget = entries.get(id).budget();
      long left = start + budget.toNanos() - System.nanoTime();
      try {
        List<Section> sections = task.getValue().get(Math.max(0, left), TimeUnit.NANOSECONDS);
        categories.add(new Category(id, null, took.getOrDefault(id, millisSince(start)), sections));
      } catch (TimeoutException e) {
        task.getValue().cancel(true);
        categories.add(
            new Category(
                id, "timed out after " + budget.toMillis() + " ms", budget.toMillis(), List.of()));
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String reason =
            cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        categories.add(new Category(id, "failed: " + reason, millisSince(start), List.of()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        categories.add(new Category(id, "interrupted", millisSince(start), List.of()));
      }
    }
    return categories;
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
