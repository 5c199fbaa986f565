package org.assist.application.agent;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import org.assist.infrastructure.Lru;
import org.assist.infrastructure.PerTransaction;

/**
 * The ids of the events handled lately. An agent sends again what it is not sure the broker has
 * (its outbox, after a lost link): an event seen before is not applied twice. Output, a script's
 * and a run's end, and chat lines are kept once by what they are anyway (the output's number, the
 * end already recorded, the chat line's stored event id, which outlives a restart of the server);
 * this covers the rest (a log-in's outcome, a consent answer, ...). An event whose transaction
 * rolls back is forgotten again: the broker delivers it again, and it is applied then.
 */
@ApplicationScoped
public class RecentEvents {
  /** About 8 MB at most. */
  static final int KEPT = 50_000;

  private final Map<String, Boolean> seen = Lru.map(KEPT);

  @Resource private TransactionSynchronizationRegistry transactions;

  /** The ids first seen in a transaction, forgotten again if it does not commit. */
  private PerTransaction<String> firstSeen;

  public RecentEvents() {}

  RecentEvents(TransactionSynchronizationRegistry transactions) {
    this.transactions = transactions;
    start();
  }

  @PostConstruct
  void start() {
    firstSeen = PerTransaction.afterRollback(transactions, ids -> ids.forEach(seen::remove));
  }

  /**
   * True the first time this event id is seen (lately); seen only if the transaction it is handled
   * in commits.
   */
  public boolean first(String eventId) {
    if (seen.putIfAbsent(eventId, Boolean.TRUE) != null) {
      return false;
    }
    firstSeen.add(eventId);
    return true;
  }
}
