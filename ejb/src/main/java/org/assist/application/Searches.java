package org.assist.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * How searches read what people type: blank is nothing, text matches anywhere whatever its case
 * (with {@code like ... escape '!'}), a day is a day in the server's time zone.
 */
public final class Searches {
  private Searches() {}

  /** The text stripped, or null when there is none. */
  public static String text(String typed) {
    return typed == null || typed.isBlank() ? null : typed.strip();
  }

  /** {@code %text%} in lower case, its own {@code %}, {@code _} and {@code !} taken literally. */
  public static String anywhere(String text) {
    return "%"
        + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
        + "%";
  }

  /** When the day starts. */
  public static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneId.systemDefault()).toInstant();
  }

  /** When the day is over: the next one starts. */
  public static Instant endOf(LocalDate day) {
    return startOf(day.plusDays(1));
  }
}
