package org.assist.infrastructure;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Items gathered per transaction and handed on together once it has completed, in the order they
 * came, with whether it committed: one synchronization per transaction, not one per item. Outside a
 * transaction an item is handed on at once, as committed. One synchronization per item would not
 * keep the order either: the transaction manager calls them after completion in an order of its own
 * (Narayana's is the reverse of their registration), so the lines of a script's output and its end,
 * applied in one transaction, reached the console turned around.
 */
public final class PerTransaction<T> {
  /** What to do with a transaction's items once it has completed. */
  public interface Completed<T> {
    void completed(boolean committed, List<T> items);
  }

  private final Object key = new Object();
  private final TransactionSynchronizationRegistry transactions;
  private final Completed<T> then;

  public PerTransaction(TransactionSynchronizationRegistry transactions, Completed<T> then) {
    this.transactions = transactions;
    this.then = then;
  }

  public void add(T item) {
    if (transactions.getTransactionKey() == null) {
      then.completed(true, List.of(item));
      return;
    }
    @SuppressWarnings("unchecked")
    List<T> added = (List<T>) transactions.getResource(key);
    if (added == null) {
      List<T> inThisTransaction = new ArrayList<>();
      transactions.putResource(key, inThisTransaction);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {
              // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
              then.completed(status == Status.STATUS_COMMITTED, inThisTransaction);
            }
          });
      added = inThisTransaction;
    }
    added.add(item);
  }
}
