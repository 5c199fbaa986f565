package org.assist.infrastructure.messaging;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Collections;

/**
 * Keeps messages that cannot be handled in the dead-letter queue {@code assist.dead}, with the
 * reason, so nothing is lost and an administrator can look at them. Object messages are never
 * deserialized: only their properties are kept.
 */
@Stateless
@PermitAll
public class DeadLetters {
  static final String QUEUE = "assist.dead";
  static final String REASON = "assistRejectReason";

  @Inject private JMSContext context;

  public void setAside(Message original, String reason) {
    try {
      Message copy;
      if (original instanceof BytesMessage bytes) {
        bytes.reset();
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        BytesMessage out = context.createBytesMessage();
        out.writeBytes(body);
        copy = out;
      } else if (original instanceof TextMessage text) {
        copy = context.createTextMessage(text.getText());
      } else {
        copy = context.createMessage();
      }
      for (Object name : Collections.list(original.getPropertyNames())) {
        String property = (String) name;
        if (!property.startsWith("JMSX") && !property.startsWith("_")) {
          copy.setObjectProperty(property, original.getObjectProperty(property));
        }
      }
      copy.setStringProperty(REASON, reason);
      if (original.getJMSDestination() != null) {
        copy.setStringProperty(
            "assistOriginalDestination", original.getJMSDestination().toString());
      }
      context.createProducer().send(context.createQueue(QUEUE), copy);
    } catch (JMSException e) {
      throw new IllegalStateException("cannot move a message to " + QUEUE, e);
    }
  }
}
