package org.assist.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReadableDurationTest {
  @Test
  void secondsMinutesAndHours() {
    assertEquals("0 s", ReadableDuration.of(999));
    assertEquals("59 s", ReadableDuration.of(59_000));
    assertEquals("1 min 12 s", ReadableDuration.of(72_000));
    assertEquals("2 h 5 min", ReadableDuration.of((2 * 3600 + 5 * 60 + 30) * 1000L));
  }
}
