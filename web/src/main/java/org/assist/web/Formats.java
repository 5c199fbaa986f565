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

  /** {@code 1.2 KiB}: file sizes as the library shows them. */
  public String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes / 1024.0;
    String unit = "KiB";
    if (value >= 1024) {
      value /= 1024;
      unit = "MiB";
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", value, unit);
  }

  /** The same, for Java code. */
  public static String format(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant);
  }
}
