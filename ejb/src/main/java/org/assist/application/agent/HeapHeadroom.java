package org.assist.application.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Keeps the heap of a server with few agents small, and gives a server holding thousands room to
 * spare. The server starts lean ({@code server.sizing} in the build, so {@code
 * bin/standalone.conf}): the collector keeps at most 10 % of the heap free and looks at the whole
 * heap after 30 s without a collection, so that an idle server gives back what a burst of work
 * took. With thousands of agents that costs a good part of a core: their connections fill the heap
 * with objects that live as long as they do, 10 % free leaves the young ones too little room, and
 * the collector marks the whole heap again and again (16,500 idle agents: 1.1 GiB marked every 15
 * to 30 s, the server at 19 to 22 % of a core, 8 % with room). So once the heap's old generation
 * holds {@link #ROOMY_FROM}, the heap keeps 20 to 40 % free and is looked at whole only after 10
 * minutes without a collection; once it holds less than {@link #LEAN_BELOW}, the server is lean
 * again.
 *
 * <p>Moves only between these two settings: a server started with others (its administrator's
 * {@code JBOSS_JAVA_SIZING}), or on a Java whose collector cannot change them while it runs, is
 * left as it is.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HeapHeadroom {
  private static final Logger LOG = Logger.getLogger(HeapHeadroom.class.getName());

  static final long ROOMY_FROM = 256L << 20;
  static final long LEAN_BELOW = 128L << 20;

  static final String MIN_FREE = "MinHeapFreeRatio";
  static final String MAX_FREE = "MaxHeapFreeRatio";
  static final String WHOLE_HEAP_AFTER = "G1PeriodicGCInterval";

  /**
   * How the collector sizes the heap: % of it kept free at least and at most, and when it looks.
   */
  record Setting(long minFree, long maxFree, long wholeHeapAfterMillis) {
    String describe() {
      return minFree + " to " + maxFree + " % of it free";
    }
  }

  static final Setting LEAN = new Setting(5, 10, 30_000);
  static final Setting ROOMY = new Setting(20, 40, 600_000);

  /** The JVM's flags that may change while it runs. */
  interface Flags {
    /** The flag's value, or null if this JVM cannot say. */
    String get(String name);

    void set(String name, String value) throws JMException;
  }

  private final Flags flags;
  private final LongSupplier oldGeneration;

  public HeapHeadroom() {
    this(new DiagnosticFlags(), HeapHeadroom::oldGenerationUsed);
  }

  /** Reading and setting these flags, for a heap whose old generation holds this (a test's). */
  HeapHeadroom(Flags flags, LongSupplier oldGeneration) {
    this.flags = flags;
    this.oldGeneration = oldGeneration;
  }

  @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
  void adjust() {
    Setting now = current();
    long used = oldGeneration.getAsLong();
    if (LEAN.equals(now) && used >= ROOMY_FROM) {
      change(LEAN, ROOMY, used);
    } else if (ROOMY.equals(now) && used < LEAN_BELOW) {
      change(ROOMY, LEAN, used);
    }
  }

  /** The setting the JVM has now, or null if it cannot say. */
  Setting current() {
    try {
      return new Setting(
          Long.parseLong(flags.get(MIN_FREE)),
          Long.parseLong(flags.get(MAX_FREE)),
          Long.parseLong(flags.get(WHOLE_HEAP_AFTER)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void change(Setting from, Setting to, long used) {
    try {
      // the minimum may never pass the maximum: the one that makes room for the other goes first
      if (to.maxFree() > from.maxFree()) {
        flags.set(MAX_FREE, Long.toString(to.maxFree()));
        flags.set(MIN_FREE, Long.toString(to.minFree()));
      } else {
        flags.set(MIN_FREE, Long.toString(to.minFree()));
        flags.set(MAX_FREE, Long.toString(to.maxFree()));
      }
      flags.set(WHOLE_HEAP_AFTER, Long.toString(to.wholeHeapAfterMillis()));
      LOG.info(
          "The heap's long-lived objects take "
              + (used >> 20)
              + " MiB: the heap now keeps "
              + to.describe()
              + " (was "
              + from.describe()
              + ")");
    } catch (JMException | RuntimeException e) {
      LOG.warning("The heap's settings could not be changed: " + e);
    }
  }

  /** What the heap's old generation holds now, in bytes (0 if there is none to read). */
  static long oldGenerationUsed() {
    MemoryPoolMXBean old = AgentCapacity.oldGeneration();
    return old == null ? 0 : old.getUsage().getUsed();
  }

  /** The JVM's flags through its diagnostic management bean. */
  static final class DiagnosticFlags implements Flags {
    private static final String[] ONE = {String.class.getName()};
    private static final String[] TWO = {String.class.getName(), String.class.getName()};

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Override
    public String get(String name) {
      try {
        Object option = server.invoke(diagnostic(), "getVMOption", new Object[] {name}, ONE);
        return option instanceof CompositeData data ? String.valueOf(data.get("value")) : null;
      } catch (JMException | RuntimeException e) {
        return null;
      }
    }

    @Override
    public void set(String name, String value) throws JMException {
      server.invoke(diagnostic(), "setVMOption", new Object[] {name, value}, TWO);
    }

    private static ObjectName diagnostic() throws JMException {
      return ObjectName.getInstance("com.sun.management:type=HotSpotDiagnostic");
    }
  }
}
