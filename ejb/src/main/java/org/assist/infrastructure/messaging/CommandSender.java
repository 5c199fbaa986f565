package org.assist.infrastructure.messaging;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.assist.domain.command.AgentCommand;
import org.assist.infrastructure.Lru;
import org.assist.protocol.Command;
import org.assist.protocol.JmsCodec;
import org.assist.protocol.Protocol;

/**
 * Sends signed commands to an agent's queue, inside the caller's transaction: the command is
 * recorded and sent together, or neither.
 */
@Stateless
@PermitAll
public class CommandSender {
  /** Most agents' command queues kept: looking one up is a round trip to the broker. */
  private static final int KNOWN_QUEUES = 10_000;

  private static final Map<String, Queue> QUEUES = Lru.map(KNOWN_QUEUES);

  @Inject private JMSContext context;
  @Inject private ServerKeys keys;

  /**
   * Sends a command that expires after {@code timeToLive} if the agent does not pick it up; an
   * expired command is reported by {@link ExpiredCommandConsumer}. A persistent one survives a
   * broker restart; the other is never written to the broker's journal.
   */
  public void send(
      String agentId, AgentCommand command, byte[] body, Duration timeToLive, boolean persistent) {
    Command signed = new Command(command.getId(), agentId, command.getType(), Instant.now(), body);
    try {
      BytesMessage message = context.createBytesMessage();
      JmsCodec.writeCommand(
          message, signed, keys.sign(signed, command.getSession().getAgent().getSigningVersion()));
      context
          .createProducer()
          .setDeliveryMode(persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT)
          .setTimeToLive(timeToLive.toMillis())
          .send(queueOf(agentId), message);
    } catch (JMSException e) {
      throw new IllegalStateException("cannot send command " + command.getId(), e);
    }
  }

  private Queue queueOf(String agentId) {
    Queue queue = QUEUES.get(agentId);
    if (queue == null) {
      queue = context.createQueue(Protocol.commandQueue(agentId));
      QUEUES.put(agentId, queue);
    }
    return queue;
  }
}
