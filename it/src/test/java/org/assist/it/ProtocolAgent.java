package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.security.PublicKey;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.assist.agent.messaging.PinnedTrustManagerFactory;
import org.assist.protocol.AgentPaths;
import org.assist.protocol.CommandSignature;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.Event;
import org.assist.protocol.EventBody;
import org.assist.protocol.Hello;
import org.assist.protocol.JmsCodec;
import org.assist.protocol.JmsCodec.SignedCommand;
import org.assist.protocol.JoinRequest;
import org.assist.protocol.JoinTicket;
import org.assist.protocol.MalformedMessageException;
import org.assist.protocol.Protocol;
import org.assist.protocol.ServerIdentity;

/**
 * An agent speaking the protocol directly (join over HTTPS, then the broker with its own
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

  private ProtocolAgent(JoinTicket ticket) {
    agentId = ticket.agentId();
    secret = ticket.secret();
    sessionId = ticket.sessionId();
    assertEquals(TestServer.BROKER_PORT, ticket.brokerPort(), "the join names the broker's port");
    serverKey = serverKey();
    factory = factory();
  }

  /** The key the server signs commands with, read as an agent does, over the pinned TLS. */
  static PublicKey serverKey() {
    return serverKey(Api.anonymous());
  }

  /** The command-signing key of the server this API is of, as an agent reads it. */
  static PublicKey serverKey(Api server) {
    try {
      Api.Reply reply = server.getFrom(AgentPaths.IDENTITY);
      if (reply.status() != 200) {
        throw new AssertionError("no server identity: " + reply);
      }
      return CommandSignature.decodePublicKey(ServerIdentity.fromJson(reply.json()).signingKey());
    } catch (MalformedMessageException e) {
      throw new AssertionError(e);
    }
  }

  /** A broker client on the broker's port for agents, trusting the pinned certificate only. */
  static ActiveMQConnectionFactory factory() {
    TestTls.pin();
    ActiveMQConnectionFactory factory =
        new ActiveMQConnectionFactory(
            TestServer.brokerUrl(
                TestServer.BROKER_PORT,
                "?sslEnabled=true&trustManagerFactoryPlugin="
                    + PinnedTrustManagerFactory.class.getName()));
    factory.setEnable1xPrefixes(true);
    factory.setConsumerWindowSize(0);
    return factory;
  }

  /** Joins the session with this number, saying these things about its computer. */
  static ProtocolAgent join(String number, String computerName, String osName, String osUser)
      throws Exception {
    return new ProtocolAgent(
        joinTicket(new JoinRequest(number, new Hello(computerName, osName, osUser), null)));
  }

  /** What the server answers an agent that joins as an agent does. */
  static JoinTicket joinTicket(JoinRequest request) throws Exception {
    return joinTicket(Api.anonymous(), request);
  }

  /** The same, from the server this API is of. */
  static JoinTicket joinTicket(Api server, JoinRequest request) throws Exception {
    Api.Reply reply = server.postTo(AgentPaths.JOIN, request.toJson());
    if (reply.status() != 200) {
      throw new AssertionError("join refused: " + reply);
    }
    return JoinTicket.fromJson(reply.json());
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

  /** Sends an event, as an agent does (on its own topic, of its own message group). */
  void send(String commandId, EventBody body) throws JMSException {
    send(Event.of(commandId, body));
  }

  /** Sends this very event (again, say, as an agent's outbox does after a lost link). */
  void send(Event event) throws JMSException {
    BytesMessage message = session.createBytesMessage();
    JmsCodec.writeEvent(message, event, agentId);
    events.send(message);
  }

  /** Says the customer agreed to the command, as a consent policy would. */
  void consent(String commandId) throws JMSException {
    send(commandId, new ConsentAnswer(true, ConsentAnswer.How.POLICY));
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
