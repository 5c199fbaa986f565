package org.assist.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrderedLanesTest {
  @Test
  void theTasksOfOneKeyRunOneAtATimeInOrderAndOtherKeysAlongside() throws Exception {
    int keys = 6;
    int perKey = 2000;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      OrderedLanes lanes = new OrderedLanes(pool, 3);
      Map<Integer, List<Integer>> ran = new ConcurrentHashMap<>();
      Map<Integer, AtomicInteger> running = new ConcurrentHashMap<>();
      AtomicInteger overlaps = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(keys * perKey);
      for (int key = 0; key < keys; key++) {
        ran.put(key, new ArrayList<>());
        running.put(key, new AtomicInteger());
      }
      for (int i = 0; i < perKey; i++) {
        for (int key = 0; key < keys; key++) {
          int k = key;
          int n = i;
          lanes.execute(
              "agent-" + k,
              () -> {
                if (running.get(k).incrementAndGet() > 1) {
                  overlaps.incrementAndGet();
                }
                ran.get(k).add(n);
                running.get(k).decrementAndGet();
                done.countDown();
              });
        }
      }
      assertTrue(done.await(30, TimeUnit.SECONDS), "every task ran");
      assertEquals(0, overlaps.get(), "two tasks of one key at once");
      for (int key = 0; key < keys; key++) {
        List<Integer> order = ran.get(key);
        assertEquals(perKey, order.size());
        for (int i = 0; i < perKey; i++) {
          assertEquals(i, order.get(i), "task " + i + " of key " + key + " in its turn");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
