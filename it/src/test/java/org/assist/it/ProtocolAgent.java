package org.assist.it;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.PublicKey;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.assist.protocol.CommandSignature;
import org.assist.protocol.Event;
import org.assist.protocol.EventType;
import org.assist.protocol.JmsCodec;
import org.assist.protocol.JmsCodec.SignedCommand;
import org.assist.protocol.Protocol;

/**
 * An agent speaking the protocol directly (join over HTTP, then the broker with its own
 * credentials), for tests that need to behave as no real agent would: send hostile text, malformed
 * messages, or try other agents' destinations.
 */
final class ProtocolAgent implements AutoCloseable {
  final String agentId;
  final long sessionId;
  private final String secret;
  private final PublicKey serverKey;
  private final ActiveMQConnectionFactory factory;
  private Connection connection;
  private Session session;
  private MessageProducer events;
  private final BlockingQueue<SignedCommand> commands = new LinkedBlockingQueue<>();

  private ProtocolAgent(JsonObject ticket) {
    agentId = ticket.getString("agentId");
    secret = ticket.getString("secret");
    sessionId = ticket.getJsonNumber("sessionId").longValue();
    serverKey = CommandSignature.decodePublicKey(ticket.getString("serverPublicKey"));
    factory = factory();
  }

  static ActiveMQConnectionFactory factory() {
    ActiveMQConnectionFactory factory =
        new ActiveMQConnectionFactory(
            "tcp://"
                + TestServer.HOST
                + ":"
                + TestServer.HTTP_PORT
                + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor");
    factory.setEnable1xPrefixes(true);
    factory.setConsumerWindowSize(0);
    return factory;
  }

  /** Joins the session with this number, saying these things about its computer. */
  static ProtocolAgent join(String number, String computerName, String osName, String osUser) {
    Api.Reply reply =
        Api.anonymous()
            .post(
                "/agent/join",
                Json.createObjectBuilder()
                    .add("number", number)
                    .add("computerName", computerName)
                    .add("osName", osName)
                    .add("osUser", osUser)
                    .build());
    if (reply.status() != 200) {
      throw new AssertionError("join refused: " + reply);
    }
    return new ProtocolAgent(reply.json());
  }

  /** Connects to the broker and starts listening on its own command queue. */
  ProtocolAgent connect() throws JMSException {
    connection = factory.createConnection(agentId, secret);
    session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    Session listening = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    MessageConsumer consumer =
        listening.createConsumer(listening.createQueue(Protocol.commandQueue(agentId)));
    consumer.setMessageListener(
        message -> {
          try {
            commands.add(JmsCodec.readCommand(message));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    events = session.createProducer(session.createTopic(Protocol.eventTopic(agentId)));
    connection.start();
    return this;
  }

  /** A second broker connection with this agent's credentials, for trying forbidden things. */
  Connection rawConnection() throws JMSException {
    return factory.createConnection(agentId, secret);
  }

  /** A broker connection with this agent's id and another password. */
  Connection connectionWithSecret(String otherSecret) throws JMSException {
    return factory.createConnection(agentId, otherSecret);
  }

  String secret() {
    return secret;
  }

  /** The next command, after checking the server's signature. */
  SignedCommand nextCommand() throws InterruptedException {
    SignedCommand command = commands.poll(30, TimeUnit.SECONDS);
    if (command == null) {
      throw new AssertionError("no command arrived");
    }
    if (!CommandSignature.verify(serverKey, command.command(), command.signature())) {
      throw new AssertionError("a command with a bad signature arrived");
    }
    return command;
  }

  void send(EventType type, String commandId, JsonObject body) throws JMSException {
    BytesMessage message = session.createBytesMessage();
    JmsCodec.writeEvent(
        message, new Event(UUID.randomUUID().toString(), commandId, type, body), agentId);
    events.send(message);
  }

  /** Says the customer agreed to the command, as a consent policy would. */
  void consent(String commandId) throws JMSException {
    send(
        EventType.CONSENT,
        commandId,
        Json.createObjectBuilder().add("granted", true).add("how", "policy").build());
  }

  /** Sends any message to its own event topic: the broker lets it, the server must cope. */
  void sendRaw(Message message) throws JMSException {
    events.send(message);
  }

  Session session() {
    return session;
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
