package org.assist.infrastructure;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands on what a transaction produced once it commits, in the order it was produced; at once
 * outside a transaction, never if the transaction rolls back. One after-commit observer per item
 * would not keep the order: the transaction manager calls its synchronizations after completion in
 * an order of its own (Narayana's is the reverse of their registration), so the lines of a script's
 * output and its end, applied in one transaction, reached the console turned around.
 */
public final class CommittedInOrder<T> {
  private final Object key = new Object();
  private final TransactionSynchronizationRegistry transactions;
  private final Consumer<T> committed;

  public CommittedInOrder(TransactionSynchronizationRegistry transactions, Consumer<T> committed) {
    this.transactions = transactions;
    this.committed = committed;
  }

  public void add(T item) {
    if (transactions.getTransactionKey() == null) {
      committed.accept(item);
      return;
    }
    @SuppressWarnings("unchecked")
    List<T> added = (List<T>) transactions.getResource(key);
    if (added == null) {
      List<T> inThisTransaction = new ArrayList<>();
      transactions.putResource(key, inThisTransaction);
      transactions.registerInterposedSynchronization(
          new AfterCompletion(
              status -> {
                if (status == Status.STATUS_COMMITTED) {
                  inThisTransaction.forEach(committed);
                }
              }));
      added = inThisTransaction;
    }
    added.add(item);
  }
}
