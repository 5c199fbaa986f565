package org.assist.agent.customer;

import org.assist.protocol.ConsentAnswer;

/** Decides, on this computer and never on the server, whether a request may go ahead. */
public interface ConsentGate {
  ConsentAnswer ask(ConsentRequest request);
}
