package org.assist.infrastructure.messaging;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.assist.application.LogText;
import org.assist.application.agent.AgentBudget;
import org.assist.application.agent.AgentEventHandler;
import org.assist.protocol.Event;
import org.assist.protocol.JmsCodec;
import org.assist.protocol.MalformedMessageException;
import org.assist.protocol.Protocol;

/**
 * Reads the one events queue: a durable subscription ({@code assist.events}, made by
 * wildfly-config) to the wildcard topic of every agent's events. Which agent sent a message is the
 * topic it arrived on, where the broker lets only that agent send. Malformed messages are set aside
 * in the dead-letter queue with one log line; anything else that fails is rolled back and
 * redelivered, then dead-lettered by the broker.
 *
 * <p>Delivery is not part of a distributed transaction: the events of a message (an agent sends
 * what it has to say at once in one message) are applied in one database transaction, then
 * acknowledged (a failure is redelivered). A two-phase commit with the broker per event cost
 * several blocking round trips and disk syncs, and capped the events per second; the handling is
 * idempotent, so the rare redelivery after a crash changes nothing.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = "assist.events.#"),
      @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
      // client id "assist" + subscription "events" = the queue assist.events
      @ActivationConfigProperty(propertyName = "clientId", propertyValue = "assist"),
      @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "events"),
      @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
    })
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AgentEventConsumer implements MessageListener {
  private static final Logger LOG = Logger.getLogger(AgentEventConsumer.class.getName());

  @Inject private AgentEventHandler handler;
  @Inject private DeadLetters deadLetters;
  @Inject private AgentBudget budget;

  @Override
  public void onMessage(Message message) {
    String agentId = senderOf(message);
    try {
      if (agentId == null) {
        throw new MalformedMessageException("not sent to an agent's event topic");
      }
      List<Event> taken = new ArrayList<>();
      for (Event event : JmsCodec.readEvents(message)) {
        if (budget.take(agentId, event)) {
          taken.add(event);
        }
      }
      apply(agentId, taken);
      long dropped = budget.droppedToReport(agentId);
      if (dropped > 0) {
        handler.dropped(agentId, dropped);
      }
    } catch (MalformedMessageException e) {
      LOG.warning(
          "Malformed event from agent "
              + agentId
              + " moved to the dead-letter queue: "
              + LogText.safe(e.getMessage()));
      deadLetters.setAside(message, e.getMessage());
    }
  }

  /**
   * Applies one message's events in one transaction; if that fails, each in its own, so that one
   * that cannot be applied fails alone, as it would have in a message of its own (a failure then is
   * redelivered with the message; the events already applied are not applied twice).
   */
  private void apply(String agentId, List<Event> events) {
    if (events.size() == 1) {
      handler.handle(agentId, events.get(0));
    } else if (!events.isEmpty()) {
      try {
        handler.handleAll(agentId, events);
      } catch (RuntimeException e) {
        LOG.warning(
            () ->
                events.size()
                    + " events from agent "
                    + agentId
                    + " failed together, applied one by one: "
                    + LogText.safe(String.valueOf(e.getMessage())));
        for (Event event : events) {
          handler.handle(agentId, event);
        }
      }
    }
  }

  private static String senderOf(Message message) {
    try {
      return message.getJMSDestination() instanceof Topic topic
          ? Protocol.agentOfEventTopic(BrokerAdmin.withoutPrefix(topic.getTopicName()))
          : null;
    } catch (JMSException e) {
      return null;
    }
  }
}
