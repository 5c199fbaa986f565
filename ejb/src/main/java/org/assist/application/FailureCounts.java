package org.assist.application;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Failed attempts counted per key (an address, a network, an account at an address...) over a time
 * window that starts at a key's first failure: once a key reaches its limit it stays refused until
 * the window has passed. Thread-safe; bounded in memory (expired keys are dropped when many are
 * kept).
 */
public final class FailureCounts {
  private static final int MAX_TRACKED = 100_000;

  /** Failures counted for one key since {@code since} (nanoTime). */
  private record Failures(int count, long since) {}

  private final Map<String, Failures> failures = new HashMap<>();
  private final Supplier<Duration> window;

  /** Counts over this window, read at each use (a setting may change it). */
  public FailureCounts(Supplier<Duration> window) {
    this.window = window;
  }

  /** Whether any of these keys has reached its limit. */
  public synchronized boolean isOver(Map<String, Integer> limits) {
    long now = System.nanoTime();
    return limits.entrySet().stream()
        .anyMatch(limit -> over(limit.getKey(), limit.getValue(), now));
  }

  /**
   * Counts a failure for every key in the same step as checking none has reached its limit: false,
   * counting nothing, when one has. Many attempts at once cannot slip through between the two.
   */
  public synchronized boolean admit(Map<String, Integer> limits) {
    if (isOver(limits)) {
      return false;
    }
    count(limits.keySet());
    return true;
  }

  /** A failure for each of these keys. */
  public synchronized void count(Collection<String> keys) {
    long now = System.nanoTime();
    if (failures.size() > MAX_TRACKED) {
      failures.values().removeIf(f -> now - f.since() > window.get().toNanos());
    }
    for (String key : keys) {
      Failures seen = current(key, now);
      failures.put(
          key,
          new Failures(seen == null ? 1 : seen.count() + 1, seen == null ? now : seen.since()));
    }
  }

  /** Takes one failure back from each of these keys (an attempt counted ahead that succeeded). */
  public synchronized void forgive(Collection<String> keys) {
    long now = System.nanoTime();
    for (String key : keys) {
      Failures seen = current(key, now);
      if (seen != null && seen.count() > 1) {
        failures.put(key, new Failures(seen.count() - 1, seen.since()));
      } else if (seen != null) {
        failures.remove(key);
      }
    }
  }

  /** Forgets a key's failures (a streak that a success ended). */
  public synchronized void clear(String key) {
    failures.remove(key);
  }

  private boolean over(String key, int limit, long now) {
    Failures seen = current(key, now);
    return seen != null && seen.count() >= limit;
  }

  /** The key's failures, unless its window has passed. */
  private Failures current(String key, long now) {
    Failures seen = failures.get(key);
    if (seen != null && now - seen.since() > window.get().toNanos()) {
      failures.remove(key);
      return null;
    }
    return seen;
  }
}
