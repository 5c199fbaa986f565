package org.assist.infrastructure.messaging;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.assist.application.agent.CommandOutcomes;
import org.assist.protocol.Protocol;

/**
 * Commands that waited in an agent's queue past their time to live arrive here (the agent queues'
 * expiry address); each is marked expired in its session's report.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = "assist.expired"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
    })
@PermitAll
public class ExpiredCommandConsumer implements MessageListener {
  @Inject private CommandOutcomes outcomes;

  @Override
  public void onMessage(Message message) {
    try {
      String commandId = message.getStringProperty(Protocol.COMMAND_ID);
      if (commandId != null) {
        outcomes.expired(commandId);
      }
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable expired command", e);
    }
  }
}
