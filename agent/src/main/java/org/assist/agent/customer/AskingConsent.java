package org.assist.agent.customer;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.assist.agent.Texts;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.ConsentAnswer.How;

/**
 * Asks the customer, with a time limit after which the answer is no, and remembers a "yes for this
 * session" so the same kind of request is not asked again.
 */
public final class AskingConsent implements ConsentGate {
  private final Customer customer;
  private volatile Duration timeout;
  private final Set<String> allowedForSession = ConcurrentHashMap.newKeySet();

  public AskingConsent(Customer customer, Duration timeout) {
    this.customer = customer;
    this.timeout = timeout;
  }

  @Override
  public void answerWithin(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public ConsentAnswer ask(ConsentRequest request) {
    if (allowedForSession.contains(request.kind())) {
      return new ConsentAnswer(true, How.REMEMBERED);
    }
    ConsentAnswer answer = customer.ask(request, timeout);
    if (answer == null) {
      customer.tell(Texts.get("consent.timeout"));
      return new ConsentAnswer(false, How.TIMEOUT);
    }
    if (answer.granted() && answer.how() == How.CUSTOMER_FOR_SESSION) {
      allowedForSession.add(request.kind());
    }
    customer.tell(Texts.get(answer.granted() ? "consent.granted" : "consent.declined"));
    return answer;
  }
}
