package org.assist.infrastructure;

import jakarta.transaction.Synchronization;
import java.util.function.IntConsumer;

/** What to do once a transaction has completed, given its status; nothing before. */
public record AfterCompletion(IntConsumer then) implements Synchronization {
  @Override
  public void beforeCompletion() {
    // nothing to do before
  }

  @Override
  public void afterCompletion(int status) {
    then.accept(status);
  }
}
