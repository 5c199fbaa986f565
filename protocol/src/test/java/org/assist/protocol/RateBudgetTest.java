package org.assist.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateBudgetTest {
  private static final long MS = 1_000_000L;

  @Test
  void aBurstThenTheRateAndHowLongUntilTheNext() {
    RateBudget budget = new RateBudget(new RateBudget.Size(2, 200));
    long now = 1_000 * MS;
    assertEquals(0, budget.nanosUntilNext(now));
    assertTrue(budget.take(now));
    assertTrue(budget.take(now));
    assertFalse(budget.take(now));
    // 200 a second: the next in 5 ms
    assertEquals(5 * MS, budget.nanosUntilNext(now));
    assertEquals(3 * MS, budget.nanosUntilNext(now + 2 * MS));
    assertFalse(budget.take(now + 4 * MS));
    assertEquals(0, budget.nanosUntilNext(now + 5 * MS));
    assertTrue(budget.take(now + 5 * MS));
    // never more than the burst, however long it waited
    long later = now + 60_000 * MS;
    assertTrue(budget.take(later));
    assertTrue(budget.take(later));
    assertFalse(budget.take(later));
  }
}
