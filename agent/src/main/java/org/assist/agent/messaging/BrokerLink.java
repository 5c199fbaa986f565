package org.assist.agent.messaging;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.net.URI;
import java.util.function.Consumer;
import org.apache.activemq.artemis.api.core.client.FailoverEventType;
import org.apache.activemq.artemis.jms.client.ActiveMQConnection;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.assist.protocol.Event;
import org.assist.protocol.JmsCodec;
import org.assist.protocol.Protocol;

/**
 * The agent's connection to the server's message broker, through the server's HTTPS port, as the
 * agent itself: it consumes its own command queue and sends to its own event topic, nothing else.
 * It reconnects forever, with growing pauses, and notices a dead link within seconds.
 */
public final class BrokerLink implements AutoCloseable {
  private final ActiveMQConnectionFactory factory;
  private final String agentId;
  private final String secret;
  private Connection connection;
  private Session producerSession;
  private MessageProducer producer;

  public BrokerLink(URI server, String agentId, String secret) {
    this.agentId = agentId;
    this.secret = secret;
    int port = server.getPort() > 0 ? server.getPort() : 443;
    // through the server's HTTPS port, with the pinned certificate only
    String url =
        "tcp://"
            + server.getHost()
            + ":"
            + port
            + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=https-acceptor&sslEnabled=true"
            + "&trustManagerFactoryPlugin="
            + PinnedTrustManagerFactory.class.getName();
    factory = new ActiveMQConnectionFactory(url);
    factory.setReconnectAttempts(-1);
    factory.setInitialConnectAttempts(-1);
    factory.setRetryInterval(1000);
    factory.setRetryIntervalMultiplier(2.0);
    factory.setMaxRetryInterval(30_000);
    // the broker drops a silent agent after 10 s; the agent checks its link every 3 s
    factory.setConnectionTTL(10_000);
    factory.setClientFailureCheckPeriod(3_000);
    // no prefetching: a command stays in the queue (and can expire there) until handled
    factory.setConsumerWindowSize(0);
    factory.setEnable1xPrefixes(true);
    factory.setCallTimeout(30_000);
    // events go without waiting for the broker's answer to each (a script's start, output and end
    // reach the console sooner), in order. A link that fails loses the events on their way, as a
    // send that waited would have failed; the server marks the run interrupted. (No confirmation
    // window to resend them: with one, the broker keeps a dead agent's session, and the command
    // it was given, for the whole connection TTL.)
    factory.setBlockOnDurableSend(false);
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
    Session consumerSession = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
    consumerSession
        .createConsumer(consumerSession.createQueue(Protocol.commandQueue(agentId)))
        .setMessageListener(onCommand);
    producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    producer =
        producerSession.createProducer(producerSession.createTopic(Protocol.eventTopic(agentId)));
    connection.start();
  }

  /**
   * Sends an event without waiting for the broker; persistent ones survive a broker restart, the
   * others may expire.
   */
  public synchronized void send(Event event, boolean persistent, long timeToLiveMillis)
      throws JMSException {
    BytesMessage message = producerSession.createBytesMessage();
    JmsCodec.writeEvent(message, event, agentId);
    producer.send(
        message,
        persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT,
        jakarta.jms.Message.DEFAULT_PRIORITY,
        timeToLiveMillis);
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
