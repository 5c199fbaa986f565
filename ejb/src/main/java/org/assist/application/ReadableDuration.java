package org.assist.application;

import java.time.Duration;

/** A duration as people read it, the same in English and French: {@code 1 min 12 s}. */
public final class ReadableDuration {
  private ReadableDuration() {}

  public static String of(long millis) {
    Duration took = Duration.ofMillis(millis);
    long minutes = took.toMinutes();
    long seconds = took.toSecondsPart();
    if (took.toHours() > 0) {
      return took.toHours() + " h " + took.toMinutesPart() + " min";
    }
    return minutes > 0 ? minutes + " min " + seconds + " s" : seconds + " s";
  }
}
