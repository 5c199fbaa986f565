package org.assist.application.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JoinThrottleTest {
  private final JoinThrottle throttle = new JoinThrottle();

  @Test
  void anAddressThatGuessesTooOftenIsRefusedAndARightNumberResetsNothing() {
    for (int i = 0; i < 18; i++) {
      assertTrue(throttle.admit("192.0.2.7"));
    }
    assertTrue(throttle.admit("192.0.2.7"));
    throttle.succeeded("192.0.2.7");
    assertTrue(throttle.admit("192.0.2.7"), "the 19th wrong number");
    assertTrue(throttle.admit("192.0.2.7"), "the 20th");
    assertFalse(throttle.admit("192.0.2.7"), "a right number took back only its own try");
    assertTrue(throttle.admit("192.0.2.8"), "its neighbour is not refused");
  }

  @Test
  void anIpv6NetworkIsOneBudgetWhateverAddressesItUses() {
    for (int i = 0; i < 40; i++) {
      assertTrue(throttle.admit("2001:db8:1:2::" + Integer.toHexString(i + 1)));
    }
    assertFalse(throttle.admit("2001:db8:1:2::ffff"), "a fresh address of the same /64");
    assertTrue(throttle.admit("2001:db8:1:3::1"), "another /64");
  }

  @Test
  void guessesFromEverywhereAddUpToOneLimit() {
    for (int i = 0; i < 1000; i++) {
      throttle.admit("198.51." + (i / 250) + "." + (i % 250));
    }
    assertFalse(throttle.admit("203.0.113.1"), "everyone waits once the world guessed too much");
  }

  @Test
  void manyTriesAtOnceGetNoMoreThanTheLimit() throws Exception {
    AtomicInteger admitted = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      Future<?>[] all = new Future<?>[400];
      for (int i = 0; i < all.length; i++) {
        all[i] =
            threads.submit(
                () -> {
                  if (throttle.admit("192.0.2.9")) {
                    admitted.incrementAndGet();
                  }
                });
      }
      for (Future<?> each : all) {
        each.get(10, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(20, admitted.get());
  }
}
