package org.assist.application.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import org.assist.infrastructure.TestTransactions;
import org.junit.jupiter.api.Test;

class RecentEventsTest {
  private final TestTransactions transactions = new TestTransactions();
  private final RecentEvents recent = new RecentEvents(transactions);

  @Test
  void anEventHandledInACommittedTransactionIsNotAppliedAgain() {
    transactions.begin();
    assertTrue(recent.first("e1"));
    transactions.end(Status.STATUS_COMMITTED);

    transactions.begin();
    assertFalse(recent.first("e1"));
    transactions.end(Status.STATUS_COMMITTED);
  }

  @Test
  void anEventWhoseTransactionRolledBackIsAppliedWhenDeliveredAgain() {
    transactions.begin();
    assertTrue(recent.first("e2"));
    transactions.end(Status.STATUS_ROLLEDBACK);

    transactions.begin();
    assertTrue(recent.first("e2"), "the redelivered event is applied");
    transactions.end(Status.STATUS_COMMITTED);
    assertFalse(recent.first("e2"));
  }

  @Test
  void withoutATransactionAnEventIsSeenAtOnce() {
    assertTrue(recent.first("e3"));
    assertFalse(recent.first("e3"));
  }
}
