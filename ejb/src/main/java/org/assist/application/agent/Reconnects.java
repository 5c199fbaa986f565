package org.assist.application.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agents whose link comes and goes in a loop (a runaway agent, a computer on a failing network):
 * once an agent arrived more than {@link #MOST_ARRIVALS} times within {@link #WINDOW}, its comings
 * and goings are no longer handled one by one (each was a report entry, a database read, a console
 * update and a timer) until it has been steady for {@link #STEADY}. Kept in memory; an agent that
 * arrives now and then costs an entry for a minute at most.
 */
final class Reconnects {
  static final int MOST_ARRIVALS = 10;
  static final Duration WINDOW = Duration.ofMinutes(1);
  static final Duration STEADY = Duration.ofSeconds(30);

  /** What an arrival or a departure is. */
  enum Loop {
    /** As usual: handled one by one. */
    NO,
    /** The arrival that showed the loop: said once. */
    FOUND,
    /** In a loop said already: not handled one by one. */
    GOING_ON
  }

  private final Map<String, Arrivals> arrivals = new ConcurrentHashMap<>();

  /** The agent arrived (its link is up). */
  Loop arrived(String agentId, Instant now) {
    return arrivals.computeIfAbsent(agentId, id -> new Arrivals()).add(now);
  }

  /** The agent left: whether it is in a loop said already. */
  Loop left(String agentId) {
    Arrivals known = arrivals.get(agentId);
    return known != null && known.looping() ? Loop.GOING_ON : Loop.NO;
  }

  /**
   * The agents in a loop that have been steady for {@link #STEADY} now, with how many times each
   * arrived in its loop: no longer in one (their state is to be said once). Forgets the arrivals
   * older than {@link #WINDOW} of the others.
   */
  Map<String, Integer> settled(Instant now) {
    Map<String, Integer> settled = new HashMap<>();
    List<String> forgotten = new ArrayList<>();
    arrivals.forEach(
        (agentId, known) -> {
          int loop = known.settled(now);
          if (loop > 0) {
            settled.put(agentId, loop);
          }
          if (known.empty()) {
            forgotten.add(agentId);
          }
        });
    forgotten.forEach(
        agentId -> arrivals.computeIfPresent(agentId, (id, a) -> a.empty() ? null : a));
    return settled;
  }

  private static final class Arrivals {
    private final Deque<Instant> recent = new ArrayDeque<>();
    private Instant last = Instant.MIN;
    private int inLoop;

    synchronized Loop add(Instant now) {
      last = now;
      if (inLoop > 0) {
        inLoop++;
        return Loop.GOING_ON;
      }
      recent.addLast(now);
      forgetBefore(now.minus(WINDOW));
      if (recent.size() > MOST_ARRIVALS) {
        inLoop = recent.size();
        recent.clear();
        return Loop.FOUND;
      }
      return Loop.NO;
    }

    synchronized boolean looping() {
      return inLoop > 0;
    }

    synchronized int settled(Instant now) {
      forgetBefore(now.minus(WINDOW));
      if (inLoop > 0 && last.plus(STEADY).isBefore(now)) {
        int loop = inLoop;
        inLoop = 0;
        return loop;
      }
      return 0;
    }

    synchronized boolean empty() {
      return inLoop == 0 && recent.isEmpty();
    }

    private void forgetBefore(Instant start) {
      while (!recent.isEmpty() && recent.peekFirst().isBefore(start)) {
        recent.removeFirst();
      }
    }
  }
}
