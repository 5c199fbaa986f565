package org.assist.infrastructure;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One transaction at a time, begun and ended by the test. Like Narayana, it calls the
 * synchronizations after completion in the reverse order of their registration.
 */
public final class TestTransactions implements TransactionSynchronizationRegistry {
  private Object key;
  private final List<Synchronization> synchronizations = new ArrayList<>();
  private final Map<Object, Object> resources = new HashMap<>();

  public void begin() {
    key = new Object();
  }

  public void end(int status) {
    List<Synchronization> reversed = new ArrayList<>(synchronizations);
    Collections.reverse(reversed);
    synchronizations.clear();
    resources.clear();
    key = null;
    reversed.forEach(s -> s.afterCompletion(status));
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
  public void putResource(Object resourceKey, Object value) {
    resources.put(resourceKey, value);
  }

  @Override
  public Object getResource(Object resourceKey) {
    return resources.get(resourceKey);
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
