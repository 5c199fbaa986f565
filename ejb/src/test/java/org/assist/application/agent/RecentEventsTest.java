package org.assist.application.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentEventsTest {
  /** One transaction at a time, ended by the test. */
  private static final class Transactions implements TransactionSynchronizationRegistry {
    private Object key;
    private final List<Synchronization> synchronizations = new ArrayList<>();

    void begin() {
      key = new Object();
    }

    void end(int status) {
      synchronizations.forEach(s -> s.afterCompletion(status));
      synchronizations.clear();
      key = null;
    }

    @Override
    public Object getTransactionKey() {
      return key;
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      synchronizations.add(sync);
    }

    @Override
    public void putResource(Object key, Object value) {}

    @Override
    public Object getResource(Object key) {
      return null;
    }

    @Override
    public int getTransactionStatus() {
      return key == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {}

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }

  private final Transactions transactions = new Transactions();
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
