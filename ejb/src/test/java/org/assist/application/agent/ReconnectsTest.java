package org.assist.application.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconnectsTest {
  private static final String AGENT = "0123456789abcdef01234567";
  private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void aLoopIsFoundOnceThenQuietUntilSteady() {
    Reconnects reconnects = new Reconnects();
    for (int i = 0; i < Reconnects.MOST_ARRIVALS; i++) {
      assertEquals(Reconnects.Loop.NO, reconnects.arrived(AGENT, START.plusSeconds(i)));
      assertEquals(Reconnects.Loop.NO, reconnects.left(AGENT));
    }
    assertEquals(Reconnects.Loop.FOUND, reconnects.arrived(AGENT, START.plusSeconds(10)));
    assertEquals(Reconnects.Loop.GOING_ON, reconnects.left(AGENT));
    assertEquals(Reconnects.Loop.GOING_ON, reconnects.arrived(AGENT, START.plusSeconds(11)));

    assertEquals(Map.of(), reconnects.settled(START.plusSeconds(40)), "not steady for 30 s yet");
    assertEquals(
        Map.of(AGENT, Reconnects.MOST_ARRIVALS + 2),
        reconnects.settled(START.plusSeconds(42)),
        "steady: said once, with the arrivals of its loop");
    assertEquals(Map.of(), reconnects.settled(START.plusSeconds(52)));
    assertEquals(Reconnects.Loop.NO, reconnects.left(AGENT));
    assertEquals(Reconnects.Loop.NO, reconnects.arrived(AGENT, START.plusSeconds(60)));
  }

  @Test
  void arrivalsSpreadOverMoreThanAMinuteAreNoLoop() {
    Reconnects reconnects = new Reconnects();
    for (int i = 0; i < 50; i++) {
      assertEquals(Reconnects.Loop.NO, reconnects.arrived(AGENT, START.plusSeconds(7L * i)));
    }
  }

  @Test
  void arrivalsOlderThanAMinuteNoLongerCount() {
    Reconnects reconnects = new Reconnects();
    for (int i = 0; i < Reconnects.MOST_ARRIVALS; i++) {
      reconnects.arrived(AGENT, START);
    }
    assertEquals(Map.of(), reconnects.settled(START.plusSeconds(61)));
    // a fresh count: ten more arrivals right away are no loop
    for (int i = 0; i < Reconnects.MOST_ARRIVALS; i++) {
      assertEquals(Reconnects.Loop.NO, reconnects.arrived(AGENT, START.plusSeconds(62)));
    }
  }
}
