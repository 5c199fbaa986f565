package org.assist.application.agent;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.assist.infrastructure.Lru;

/**
 * The ids of the events handled lately. An agent sends again what it is not sure the broker has
 * (its outbox, after a lost link): an event seen before is not applied twice. Output, a script's
 * and a run's end, and chat lines are kept once by what they are anyway (the output's number, the
 * end already recorded, the chat line's stored event id, which outlives a restart of the server);
 * this covers the rest (a log-in's outcome, a consent answer, ...).
 */
@ApplicationScoped
public class RecentEvents {
  /** About 8 MB at most. */
  static final int KEPT = 50_000;

  private final Map<String, Boolean> seen = Lru.map(KEPT);

  /** True the first time this event id is seen (lately). */
  public boolean first(String eventId) {
    return seen.putIfAbsent(eventId, Boolean.TRUE) == null;
  }
}
