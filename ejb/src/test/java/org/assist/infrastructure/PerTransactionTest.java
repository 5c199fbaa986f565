package org.assist.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.transaction.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerTransactionTest {
  private final TestTransactions transactions = new TestTransactions();
  private final List<String> handedOn = new ArrayList<>();
  private final PerTransaction<String> lines =
      PerTransaction.afterCommit(transactions, handedOn::addAll);

  @Test
  void aTransactionsItemsAreHandedOnWhenItCommitsInTheOrderTheyCame() {
    transactions.begin();
    lines.add("second-start");
    lines.add("input-line");
    lines.add("exit code 4");
    assertEquals(List.of(), handedOn, "nothing before the commit");
    transactions.end(Status.STATUS_COMMITTED);
    assertEquals(List.of("second-start", "input-line", "exit code 4"), handedOn);
  }

  @Test
  void aTransactionThatRollsBackHandsOnNothing() {
    transactions.begin();
    lines.add("gone");
    transactions.end(Status.STATUS_ROLLEDBACK);
    transactions.begin();
    lines.add("kept");
    transactions.end(Status.STATUS_COMMITTED);
    assertEquals(List.of("kept"), handedOn);
  }

  @Test
  void withoutATransactionAnItemIsHandedOnAtOnce() {
    lines.add("now");
    assertEquals(List.of("now"), handedOn);
  }
}
