package org.assist.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the console writes times: the server's time zone, to the minute or second. */
@Named("formats")
@ApplicationScoped
public class Formats {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  public String dateTime(Instant instant) {
    return format(instant);
  }

  /** The same, for Java code. */
  public static String format(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant);
  }
}
