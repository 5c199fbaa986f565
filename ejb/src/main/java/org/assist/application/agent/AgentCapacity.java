package org.assist.application.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.assist.application.ServerBusyException;
import org.assist.application.policy.Policies;
import org.assist.application.policy.Policy;

/**
 * Whether the server has room for one more agent. Past what it can hold it refuses new agents with
 * a "busy" they understand (they wait and try again) and goes on serving the sessions it has,
 * instead of taking agents until its memory runs out and every session fails with it. Full means:
 * the help desk's ceiling of connected agents (policy), or the heap still over {@link #HEAP_FULL}
 * after the last full collection, or the process near its limit of open files (each agent holds a
 * connection). Said in the log once when it fills up and once when it has room again.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AgentCapacity {
  private static final Logger LOG = Logger.getLogger(AgentCapacity.class.getName());

  static final double HEAP_FULL = 0.85;
  static final double FILES_FULL = 0.9;

  private final AtomicBoolean full = new AtomicBoolean();
  private final OpenFiles openFiles = new OpenFiles();

  @Inject private Presence presence;
  @Inject private Policies policies;

  /** Refuses a new agent when the server is full. */
  public void checkRoom() {
    String why = fullBecause();
    if (why != null) {
      if (full.compareAndSet(false, true)) {
        LOG.warning(
            "The server is full ("
                + why
                + "): new agents are told to try again later; the sessions it has go on");
      }
      throw new ServerBusyException();
    }
    if (full.compareAndSet(true, false)) {
      LOG.info("The server has room again: new agents are taken");
    }
  }

  /** Why the server is full, or null. */
  String fullBecause() {
    long ceiling = policies.value(Policy.MAX_AGENTS);
    int connected = presence.onlineCount();
    if (ceiling > 0 && connected >= ceiling) {
      return connected + " agents connected, the most the help desk allows";
    }
    MemoryPoolMXBean old = oldGeneration();
    if (old != null) {
      MemoryUsage afterGc = old.getCollectionUsage();
      long max = old.getUsage().getMax();
      if (afterGc != null && max > 0 && afterGc.getUsed() > HEAP_FULL * max) {
        return String.format(
            Locale.ROOT,
            "%s %d of %d MiB used after the last collection",
            old.getName(),
            afterGc.getUsed() >> 20,
            max >> 20);
      }
    }
    OpenFiles.Count files = openFiles.now();
    if (files.over(FILES_FULL)) {
      return files.open() + " of the " + files.most() + " files the process may open are open";
    }
    return null;
  }

  /** The heap's old generation, looked up once: a JVM keeps its memory pools for its life. */
  private static final MemoryPoolMXBean OLD_GENERATION = findOldGeneration();

  /** The heap's old generation (G1's or the serial collector's), or null if this JVM has none. */
  static MemoryPoolMXBean oldGeneration() {
    return OLD_GENERATION;
  }

  private static MemoryPoolMXBean findOldGeneration() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      String name = pool.getName();
      if (pool.getType() == MemoryType.HEAP
          && (name.contains("Old Gen") || name.contains("Tenured"))) {
        return pool;
      }
    }
    return null;
  }
}
