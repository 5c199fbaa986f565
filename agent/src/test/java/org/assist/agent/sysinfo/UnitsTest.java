package org.assist.agent.sysinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void bytesReadLikePeopleSayThem() {
    assertEquals("512 B", Units.bytes(512));
    assertEquals("1.5 KiB", Units.bytes(1536));
    assertEquals("15.6 GiB", Units.bytes(16_741_531_648L));
    assertEquals("15.6 GiB (16741531648 bytes)", Units.bytesExact(16_741_531_648L));
    assertEquals("", Units.bytes(-1));
  }

  @Test
  void durationsShowDaysHoursMinutesAndSeconds() {
    assertEquals("0 min 5 s", Units.duration(5));
    assertEquals("1 h 0 min 1 s", Units.duration(3601));
    assertEquals("2 d 0 h 0 min 0 s", Units.duration(172_800));
  }

  @Test
  void frequenciesAndRates() {
    assertEquals("2.90 GHz", Units.hertz(2_900_000_000L));
    assertEquals("800 MHz", Units.hertz(800_000_000L));
    assertEquals("1.0 Gbit/s", Units.bitsPerSecond(1_000_000_000L));
    assertEquals("12.5 %", Units.percent(0.125));
  }

  @Test
  void unknownIsEmpty() {
    assertEquals("", Units.text("unknown"));
    assertEquals("", Units.text(null));
    assertEquals("x", Units.text(" x "));
  }
}
