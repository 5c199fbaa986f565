package org.assist.agent.sysinfo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers as people read them: bytes in KiB/MiB/GiB, durations in days and hours, times. */
final class Units {
  private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private Units() {}

  /** {@code 15.6 GiB}; negative (unknown) is empty. */
  static String bytes(long bytes) {
    if (bytes < 0) {
      return "";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0
        ? bytes + " B"
        : String.format(Locale.ROOT, "%.1f %s", value, BYTE_UNITS[unit]);
  }

  /** {@code 15.6 GiB (16741531648 bytes)}: readable, and exact for comparisons. */
  static String bytesExact(long bytes) {
    return bytes < 0 ? "" : bytes(bytes) + " (" + bytes + " bytes)";
  }

  /** {@code 2 d 3 h 4 min 5 s}. */
  static String duration(long seconds) {
    if (seconds < 0) {
      return "";
    }
    Duration d = Duration.ofSeconds(seconds);
    StringBuilder text = new StringBuilder();
    if (d.toDays() > 0) {
      text.append(d.toDays()).append(" d ");
    }
    if (d.toDays() > 0 || d.toHoursPart() > 0) {
      text.append(d.toHoursPart()).append(" h ");
    }
    text.append(d.toMinutesPart()).append(" min ").append(d.toSecondsPart()).append(" s");
    return text.toString();
  }

  /** {@code 2.90 GHz}. */
  static String hertz(long hertz) {
    if (hertz <= 0) {
      return "";
    }
    return hertz >= 1_000_000_000
        ? String.format(Locale.ROOT, "%.2f GHz", hertz / 1e9)
        : String.format(Locale.ROOT, "%.0f MHz", hertz / 1e6);
  }

  static String percent(double fraction) {
    return fraction < 0 ? "" : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }

  /** Seconds since the epoch as local time; zero or less is empty. */
  static String epochSeconds(long seconds) {
    return seconds <= 0 ? "" : TIME.format(Instant.ofEpochSecond(seconds));
  }

  static String epochMillis(long millis) {
    return millis <= 0 ? "" : TIME.format(Instant.ofEpochMilli(millis));
  }

  static String bitsPerSecond(long bits) {
    if (bits <= 0) {
      return "";
    }
    return bits >= 1_000_000_000
        ? String.format(Locale.ROOT, "%.1f Gbit/s", bits / 1e9)
        : String.format(Locale.ROOT, "%.0f Mbit/s", bits / 1e6);
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString().strip();
    return "unknown".equalsIgnoreCase(text) ? "" : text;
  }
}
