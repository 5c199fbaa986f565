package org.assist.application.agent;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assist.protocol.Event;
import org.assist.protocol.EventType;
import org.assist.protocol.RateBudget;

/**
 * What one agent may send: events at a steady rate with room for bursts (a script's output comes in
 * bursts), chat lines at a human pace ({@link RateBudget#CHAT}, which the agent keeps to as well).
 * What goes over is dropped before it costs a database write, so that a flooding agent (a runaway
 * program feeding the customer's terminal, a hostile agent) neither fills the session's report nor
 * slows the console and the other agents down.
 */
@ApplicationScoped
public class AgentBudget {
  /** How often dropped events are reported in the session's report, at most. */
  static final Duration REPORTED_EVERY = Duration.ofMinutes(1);

  private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

  /** Takes the event from the agent's budget: false when it is over budget and must be dropped. */
  public boolean take(String agentId, Event event) {
    return budgets.computeIfAbsent(agentId, id -> new Budget()).take(event, System.nanoTime());
  }

  /**
   * How many of the agent's events were dropped since this last said so, once per {@link
   * #REPORTED_EVERY}; 0 when nothing is to be reported now.
   */
  public long droppedToReport(String agentId) {
    Budget budget = budgets.get(agentId);
    return budget == null ? 0 : budget.droppedToReport(System.nanoTime());
  }

  /** The agent left for good (its session ended). */
  public void forget(String agentId) {
    budgets.remove(agentId);
  }

  private static final class Budget {
    private final RateBudget events = new RateBudget(RateBudget.EVENTS);
    private final RateBudget chat = new RateBudget(RateBudget.CHAT);
    private long dropped;
    private long reportedAt = Long.MIN_VALUE;

    synchronized boolean take(Event event, long now) {
      boolean taken = events.take(now) && (event.type() != EventType.CHAT || chat.take(now));
      if (!taken) {
        dropped++;
      }
      return taken;
    }

    synchronized long droppedToReport(long now) {
      if (dropped == 0
          || (reportedAt != Long.MIN_VALUE && now - reportedAt < REPORTED_EVERY.toNanos())) {
        return 0;
      }
      long count = dropped;
      dropped = 0;
      reportedAt = now;
      return count;
    }
  }
}
