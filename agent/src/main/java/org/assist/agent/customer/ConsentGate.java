package org.assist.agent.customer;

import java.time.Duration;
import org.assist.protocol.ConsentAnswer;

/** Decides, on this computer and never on the server, whether a request may go ahead. */
public interface ConsentGate {
  ConsentAnswer ask(ConsentRequest request);

  /**
   * From now on the customer has this long to answer: the help desk's policy, as the server's last
   * signed request said.
   */
  default void answerWithin(Duration timeout) {}
}
