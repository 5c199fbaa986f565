package org.assist.agent.customer;

import java.time.Duration;
import org.assist.protocol.ConsentAnswer;

/** The person at the computer: a window when there is a display, else the terminal. */
public interface Customer {
  /** Shows a line of status (connected, ended...). */
  void tell(String text);

  /**
   * Asks a yes/no question; {@code null} when no answer came in time. The answer "yes for the rest
   * of the session" is {@link ConsentAnswer.How#CUSTOMER_FOR_SESSION}.
   */
  ConsentAnswer ask(ConsentRequest request, Duration timeout);

  /** Shows a chat message from the technician, as a line of its own. */
  default void chat(String from, String text) {
    tell("[" + from + "] " + text);
  }

  /** Where the customer's own chat lines go. */
  void onChat(java.util.function.Consumer<String> sink);

  void close();
}
