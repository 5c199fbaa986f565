package org.assist.application.agent;

import org.assist.application.AssistException;

/** A join the customer must be told about: wrong or used number, or too many attempts. */
public class JoinRefusedException extends AssistException {
  private final boolean throttled;

  public JoinRefusedException(String key, boolean throttled) {
    super(key, "number");
    this.throttled = throttled;
  }

  /** True when the address is refused for a while, whatever the number. */
  public boolean isThrottled() {
    return throttled;
  }
}
