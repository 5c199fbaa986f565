package org.assist.agent.messaging;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.FailoverEventType;
import org.apache.activemq.artemis.jms.client.ActiveMQConnection;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQDestination;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.apache.activemq.artemis.jms.client.ActiveMQTopic;
import org.assist.protocol.Event;
import org.assist.protocol.JmsCodec;
import org.assist.protocol.JoinTicket;
import org.assist.protocol.JsonCodec;
import org.assist.protocol.Protocol;

/**
 * The agent's connection to the server's message broker, on the broker's own TLS port (the join
 * says which), as the agent itself: it consumes its own command queue and sends to its own event
 * topic, nothing else. It reconnects forever, with growing pauses, and notices a dead link within
 * 10 s at most (at once when the server closes it).
 */
public final class BrokerLink implements AutoCloseable {
  private static final Random RANDOM = new Random();

  /** Most bytes of events in one message: below the broker's 100 KiB of a large message. */
  static final long MESSAGE_BYTES = 90 * 1024;

  /** What an event adds to its body in a message of several (its id, type, command). */
  private static final long EVENT_OVERHEAD_BYTES = 160;

  private final ActiveMQConnectionFactory factory;
  private final String agentId;
  private final String secret;
  private Connection connection;
  private Session producerSession;
  private MessageProducer producer;

  /** The link of the agent this ticket made, to the broker of the server at this address. */
  public BrokerLink(URI server, JoinTicket ticket) {
    this.agentId = ticket.agentId();
    this.secret = ticket.secret();
    // the server's host, the broker's port, with the pinned certificate only (the HTTPS one)
    String url =
        "tcp://"
            + server.getHost()
            + ":"
            + ticket.brokerPort()
            + "?sslEnabled=true&trustManagerFactoryPlugin="
            + PinnedTrustManagerFactory.class.getName();
    factory = new ActiveMQConnectionFactory(url);
    factory.setReconnectAttempts(-1);
    factory.setInitialConnectAttempts(-1);
    // back within seconds of the server, each agent at its own pace: after a restart of the
    // server, thousands of agents do not knock all at the same instants
    factory.setRetryInterval(1000 + RANDOM.nextInt(1000));
    factory.setRetryIntervalMultiplier(1.5);
    factory.setMaxRetryInterval(4000 + RANDOM.nextInt(2000));
    // the broker drops an agent silent for 24 s, looking every 4 s (configure-30-messaging.cli): a
    // vanished agent is dropped at the sixth look after its last ping was seen, so shown offline
    // within 30 s (28 s at most; a time to live of 21 to 24 s would take the same six looks). The
    // agent shows it is there every 18 s, the only traffic of an idle agent (each ping answered by
    // the broker): 25,000 agents cost 1,400 pings a second (1,700 every 15 s), and a ping may come
    // up to 6 s late before the agent is dropped for it. Both sides of a connection that closes (a
    // process that ends, a server killed) know at once, without waiting for pings
    factory.setConnectionTTL(24_000);
    factory.setClientFailureCheckPeriod(18_000);
    // no prefetching: a command stays in the queue (and can expire there) until handled
    factory.setConsumerWindowSize(0);
    factory.setEnable1xPrefixes(true);
    factory.setCallTimeout(30_000);
    // events go in transactions (see Outbox): each send within one is not waited for, the commit
    // is, so a batch of events costs one round trip and is known to be on the broker's disk
  }

  /**
   * Loads the broker client's classes (a few hundred milliseconds on a computer that just started
   * the agent), so that the first link, made later, does not wait for them: called while the agent
   * joins its session.
   */
  public static void loadClient() {
    new ActiveMQConnectionFactory("tcp://localhost:8444?sslEnabled=true").close();
  }

  /**
   * Connects, starts delivering commands to {@code onCommand} one at a time (it must acknowledge
   * each), and reports connection trouble and recovery to {@code onLinkChange}.
   */
  public void start(MessageListener onCommand, Consumer<Boolean> onLinkChange) throws JMSException {
    connection = factory.createConnection(agentId, secret);
    ((ActiveMQConnection) connection)
        .setFailoverListener(
            type -> {
              if (type == FailoverEventType.FAILURE_DETECTED) {
                onLinkChange.accept(false);
              } else if (type == FailoverEventType.FAILOVER_COMPLETED) {
                onLinkChange.accept(true);
              }
            });
    // the agent's own command queue and events address, which the server made at its join, named
    // without asking the broker: the broker answers a question about an address by looking through
    // all of its addresses, a cost that grew with every connected agent and slowed every join
    ClientSession commands =
        ((ActiveMQSession) connection.createSession(false, Session.CLIENT_ACKNOWLEDGE))
            .getCoreSession();
    try {
      commands
          .createConsumer(SimpleString.of(Protocol.commandAddress(agentId)))
          .setMessageHandler(message -> deliver(commands, message, onCommand));
    } catch (ActiveMQException e) {
      JMSException failed = new JMSException("cannot listen to the agent's commands: " + e);
      failed.setLinkedException(e);
      throw failed;
    }
    producerSession = connection.createSession(true, Session.SESSION_TRANSACTED);
    ActiveMQTopic events =
        ActiveMQDestination.createTopic(
            Protocol.eventAddress(agentId), Protocol.eventTopic(agentId));
    events.setCreated(true);
    producer = producerSession.createProducer(events);
    connection.start();
  }

  /**
   * A command as a Jakarta Messaging message that {@code onCommand} acknowledges once handled:
   * until then the broker gives it again after a lost link (as a client-acknowledged consumer
   * does).
   */
  private void deliver(ClientSession session, ClientMessage message, MessageListener onCommand) {
    ActiveMQMessage command = ActiveMQMessage.createMessage(message, session, factory);
    command.setClientAcknowledge();
    try {
      command.doBeforeReceive();
      message.acknowledge();
    } catch (ActiveMQException e) {
      // not acknowledged: given again
      return;
    }
    onCommand.onMessage(command);
  }

  /**
   * Sends these events persistent, in one transaction: when this returns the broker has all of
   * them; when it throws, perhaps none (the caller sends them again, the server drops duplicates).
   */
  public synchronized void sendAll(List<Event> events) throws JMSException {
    try {
      for (List<Event> together : inMessages(events)) {
        BytesMessage message = producerSession.createBytesMessage();
        JmsCodec.writeEvents(message, together, agentId);
        producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0);
      }
      producerSession.commit();
    } catch (JMSException | RuntimeException e) {
      try {
        producerSession.rollback();
      } catch (JMSException | RuntimeException ignored) {
        // the link is down: the broker forgets the transaction by itself
      }
      throw e;
    }
  }

  /**
   * The events, in order, as they go in messages: as many together as fit in {@link #MESSAGE_BYTES}
   * (the broker keeps bigger messages in files of their own), at most {@link
   * Protocol#MAX_EVENTS_IN_MESSAGE}; a bigger event alone.
   */
  static List<List<Event>> inMessages(List<Event> events) {
    List<List<Event>> messages = new ArrayList<>();
    List<Event> current = new ArrayList<>();
    long bytes = 0;
    for (Event event : events) {
      long size = JsonCodec.bytes(event.body().toJson()).length + EVENT_OVERHEAD_BYTES;
      if (!current.isEmpty()
          && (bytes + size > MESSAGE_BYTES || current.size() == Protocol.MAX_EVENTS_IN_MESSAGE)) {
        messages.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(event);
      bytes += size;
    }
    if (!current.isEmpty()) {
      messages.add(current);
    }
    return messages;
  }

  /** Sends an event that may be lost (a goodbye), expiring after this long. */
  public synchronized void sendNow(Event event, long timeToLiveMillis) throws JMSException {
    producer.send(
        message(event), DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY, timeToLiveMillis);
    producerSession.commit();
  }

  private BytesMessage message(Event event) throws JMSException {
    BytesMessage message = producerSession.createBytesMessage();
    JmsCodec.writeEvent(message, event, agentId);
    return message;
  }

  @Override
  public void close() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (JMSException e) {
      // closing anyway
    }
    factory.close();
  }
}
