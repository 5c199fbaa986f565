package org.assist.application.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JoinThrottleTest {
  private final JoinThrottle throttle = new JoinThrottle();

  @Test
  void anAddressThatGuessesTooOftenIsRefusedAndARightNumberResetsNothing() {
    for (int i = 0; i < 19; i++) {
      throttle.failed("192.0.2.7");
    }
    assertFalse(throttle.isRefused("192.0.2.7"));
    throttle.failed("192.0.2.7");
    assertTrue(throttle.isRefused("192.0.2.7"));
    assertFalse(throttle.isRefused("192.0.2.8"), "its neighbour is not");
  }

  @Test
  void anIpv6NetworkIsOneBudgetWhateverAddressesItUses() {
    for (int i = 0; i < 40; i++) {
      throttle.failed("2001:db8:1:2::" + Integer.toHexString(i + 1));
    }
    assertTrue(throttle.isRefused("2001:db8:1:2::ffff"), "a fresh address of the same /64");
    assertFalse(throttle.isRefused("2001:db8:1:3::1"), "another /64");
  }

  @Test
  void guessesFromEverywhereAddUpToOneLimit() {
    for (int i = 0; i < 1000; i++) {
      throttle.failed("198.51." + (i / 250) + "." + (i % 250));
    }
    assertTrue(throttle.isRefused("203.0.113.1"), "everyone waits once the world guessed too much");
  }
}
