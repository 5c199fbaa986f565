package org.assist.application.agent;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * How many files this process has open, and how many it may: counted at most once per {@link
 * #COUNTED_FOR}, so that a burst of joins shares one count. Counting lists every open file (each
 * connected agent holds one): 0.8 ms of CPU with 3,000 open, 5 ms with 16,500, which every join
 * paid when it was counted for each.
 */
final class OpenFiles {
  static final Duration COUNTED_FOR = Duration.ofMillis(500);

  /** As counted at {@code nanoTime}; either figure -1 where the system does not say. */
  record Count(long open, long most, long nanoTime) {
    /** Whether more than {@code share} of the files the process may open are open. */
    boolean over(double share) {
      return open > 0 && most > 0 && open > share * most;
    }
  }

  private final LongSupplier open;
  private final LongSupplier most;
  private final LongSupplier nanoTime;
  private volatile Count last;

  OpenFiles() {
    this(
        () -> operatingSystem("OpenFileDescriptorCount"),
        () -> operatingSystem("MaxFileDescriptorCount"),
        System::nanoTime);
  }

  /** Counted by these, on this clock (a test's). */
  OpenFiles(LongSupplier open, LongSupplier most, LongSupplier nanoTime) {
    this.open = open;
    this.most = most;
    this.nanoTime = nanoTime;
  }

  /** The last count, or a new one if that is older than {@link #COUNTED_FOR}. */
  Count now() {
    long now = nanoTime.getAsLong();
    Count count = last;
    if (count == null || now - count.nanoTime() > COUNTED_FOR.toNanos()) {
      count = new Count(open.getAsLong(), most.getAsLong(), now);
      last = count;
    }
    return count;
  }

  /** A figure of the operating system's management bean (Unix), or -1 where there is none. */
  private static long operatingSystem(String attribute) {
    try {
      Object value =
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(
                  ObjectName.getInstance(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME),
                  attribute);
      return value instanceof Number number ? number.longValue() : -1;
    } catch (JMException e) {
      return -1;
    }
  }
}
