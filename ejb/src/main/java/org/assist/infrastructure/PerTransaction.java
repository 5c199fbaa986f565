package org.assist.infrastructure;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Items gathered per transaction and handed on together once it has committed ({@link
 * #afterCommit}) or once it has not ({@link #afterRollback}), in the order they came: one
 * synchronization per transaction, not one per item. Outside a transaction an item counts as
 * committed at once. One synchronization per item would not keep the order either: the transaction
 * manager calls them after completion in an order of its own (Narayana's is the reverse of their
 * registration), so the lines of a script's output and its end, applied in one transaction, reached
 * the console turned around.
 */
public final class PerTransaction<T> {
  private final Object key = new Object();
  private final TransactionSynchronizationRegistry transactions;
  private final boolean whenCommitted;
  private final Consumer<List<T>> then;

  private PerTransaction(
      TransactionSynchronizationRegistry transactions,
      boolean whenCommitted,
      Consumer<List<T>> then) {
    this.transactions = transactions;
    this.whenCommitted = whenCommitted;
    this.then = then;
  }

  /** Hands on a transaction's items once it has committed; never if it rolls back. */
  public static <T> PerTransaction<T> afterCommit(
      TransactionSynchronizationRegistry transactions, Consumer<List<T>> then) {
    return new PerTransaction<>(transactions, true, then);
  }

  /** Hands on a transaction's items once it has rolled back; never if it commits. */
  public static <T> PerTransaction<T> afterRollback(
      TransactionSynchronizationRegistry transactions, Consumer<List<T>> then) {
    return new PerTransaction<>(transactions, false, then);
  }

  public void add(T item) {
    if (transactions.getTransactionKey() == null) {
      if (whenCommitted) {
        then.accept(List.of(item));
      }
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
              if ((status == Status.STATUS_COMMITTED) == whenCommitted) {
                then.accept(inThisTransaction);
              }
            }
          });
      added = inThisTransaction;
    }
    added.add(item);
  }
}
