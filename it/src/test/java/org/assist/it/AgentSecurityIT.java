package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assist.protocol.AgentPaths;
import org.assist.protocol.Hello;
import org.assist.protocol.Protocol;
import org.assist.protocol.SystemInfoDocument;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an agent may and may not do, enforced by the broker and checked by the server. */
@ExtendWith(ArquillianExtension.class)
class AgentSecurityIT {

  private static String newSessionNumber(String technician) {
    return Api.asTechnician(technician).post("/sessions", "").json().getString("number");
  }

  @Test
  void anAgentUsesOnlyItsOwnQueueAndTopicAndCannotAnswerForAnother() throws Exception {
    String user = Api.newTechnician("security", "technician");
    try (ProtocolAgent a =
            ProtocolAgent.join(newSessionNumber(user), "pc-a", "Linux", "alice").connect();
        ProtocolAgent b =
            ProtocolAgent.join(newSessionNumber(user), "pc-b", "Linux", "bob").connect();
        Connection asA = a.rawConnection()) {
      Session session = asA.createSession(false, Session.AUTO_ACKNOWLEDGE);
      assertThrows(
          JMSSecurityException.class,
          () -> session.createConsumer(session.createQueue(Protocol.commandQueue(b.agentId))),
          "A consumes B's commands");
      assertThrows(
          JMSSecurityException.class,
          () ->
              session
                  .createProducer(session.createTopic(Protocol.eventTopic(b.agentId)))
                  .send(session.createBytesMessage()),
          "A sends as B");
      assertThrows(
          JMSSecurityException.class,
          () ->
              session
                  .createProducer(session.createQueue(Protocol.commandQueue(a.agentId)))
                  .send(session.createBytesMessage()),
          "A writes commands, even to itself");
      for (String other : new String[] {"assist.dead", "assist.expired", "DLQ", "ExpiryQueue"}) {
        assertThrows(
            JMSSecurityException.class,
            () ->
                session
                    .createProducer(session.createQueue(other))
                    .send(session.createBytesMessage()),
            "A sends to " + other);
      }
      assertThrows(
          JMSSecurityException.class,
          () -> session.createConsumer(session.createQueue("assist.dead")),
          "A reads the dead letters");

      // B's session asks for system information; A answers in B's place on its own topic
      String commandOfB =
          Api.asTechnician(user)
              .post("/sessions/" + b.sessionId + "/system-info", "")
              .json()
              .getString("commandId");
      b.nextCommand();
      a.consent(commandOfB);
      a.send(commandOfB, new SystemInfoDocument("pc-of-a", Instant.now(), List.of()));
      ServerLog.awaitLine(
          Duration.ofSeconds(10), "Rejected SYSTEM_INFO from agent " + a.agentId, commandOfB);
      assertEquals(
          404, Api.asTechnician(user).get("/sessions/" + b.sessionId + "/system-info").status());
    }
  }

  @Test
  void theBrokerRefusesAnAgentWithAWrongSecretOrItsStoredDigest() throws Exception {
    String user = Api.newTechnician("secret", "technician");
    String number = Api.asTechnician(user).post("/sessions", "").json().getString("number");
    try (ProtocolAgent agent = ProtocolAgent.join(number, "pc", "Linux", "u").connect()) {
      String secret = agent.secret();
      String digest = org.assist.protocol.Sha256.hex(secret.getBytes(StandardCharsets.UTF_8));
      for (String wrong : new String[] {secret + "x", secret.toUpperCase(), digest, ""}) {
        assertThrows(
            JMSSecurityException.class,
            () -> {
              try (Connection refused = agent.connectionWithSecret(wrong)) {
                refused.createSession(false, Session.AUTO_ACKNOWLEDGE);
              }
            },
            "a wrong secret must not connect");
      }
      // the right one still does
      try (Connection right = agent.connectionWithSecret(secret)) {
        right.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
      }
    }
  }

  @Test
  void malformedEventsGoToTheDeadLetterQueueAndTheConsumerKeepsWorking() throws Exception {
    String user = Api.newTechnician("malformed", "technician");
    try (ProtocolAgent agent =
        ProtocolAgent.join(newSessionNumber(user), "pc-m", "Linux", "mal").connect()) {
      long before = ServerLog.messageCount("assist.dead");
      jakarta.jms.TextMessage text = agent.session().createTextMessage("not even bytes");
      text.setIntProperty(Protocol.PROTOCOL_VERSION, Protocol.VERSION);
      text.setStringProperty(Protocol.TYPE, "HELLO");
      text.setStringProperty(Protocol.EVENT_ID, "e0");
      agent.sendRaw(text);
      BytesMessage garbage = agent.session().createBytesMessage();
      garbage.setIntProperty(Protocol.PROTOCOL_VERSION, Protocol.VERSION);
      garbage.setStringProperty(Protocol.TYPE, "HELLO");
      garbage.setStringProperty(Protocol.EVENT_ID, "e1");
      garbage.writeBytes("{\"computerName\": ".getBytes(StandardCharsets.UTF_8));
      agent.sendRaw(garbage);
      BytesMessage unknownType = agent.session().createBytesMessage();
      unknownType.setIntProperty(Protocol.PROTOCOL_VERSION, Protocol.VERSION);
      unknownType.setStringProperty(Protocol.TYPE, "FORMAT_DISK");
      unknownType.setStringProperty(Protocol.EVENT_ID, "e2");
      unknownType.writeBytes("{}".getBytes(StandardCharsets.UTF_8));
      agent.sendRaw(unknownType);

      ServerLog.awaitLine(
          Duration.ofSeconds(10),
          "Malformed event from agent " + agent.agentId,
          "not a BytesMessage");
      ServerLog.awaitLine(
          Duration.ofSeconds(10),
          "Malformed event from agent " + agent.agentId,
          "not a JSON object");
      ServerLog.awaitLine(
          Duration.ofSeconds(10), "Malformed event from agent " + agent.agentId, "FORMAT_DISK");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (ServerLog.messageCount("assist.dead") < before + 3 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertEquals(before + 3, ServerLog.messageCount("assist.dead"));

      agent.send(null, new Hello("still-working", "Linux", "mal"));
      long sessionId = agent.sessionId;
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      String name = "";
      while (System.nanoTime() < until && !"still-working".equals(name)) {
        name =
            Api.asTechnician(user)
                .get("/sessions/" + sessionId)
                .json()
                .getString("computerName", "");
        Thread.sleep(200);
      }
      assertEquals("still-working", name);
    }
  }

  @Test
  void joiningNeedsTheRightNumberOnceAndGuessingIsStopped() throws Exception {
    String user = Api.newTechnician("joining", "technician");
    String number = newSessionNumber(user);
    assertEquals(404, joinStatus("127.0.0.3", "000000000"));
    assertEquals(200, joinStatus("127.0.0.3", number));
    assertEquals(404, joinStatus("127.0.0.3", number), "a number works once");

    String fresh = newSessionNumber(user);
    for (int i = 0; i < 20; i++) {
      assertEquals(404, joinStatus("127.0.0.2", String.format("%09d", 100000000 + i)));
    }
    assertEquals(
        429, joinStatus("127.0.0.2", fresh), "the guesser is refused, even with a right number");
    assertEquals(
        404,
        joinStatus("127.0.0.6", String.format("%09d", 100000001), "X-Forwarded-For: 127.0.0.2"),
        "no proxy is trusted: an address it names changes nothing");
    assertEquals(200, joinStatus("127.0.0.4", fresh), "other addresses are not");

    // a right number resets nothing: guesses between two joins still add up
    for (int i = 0; i < 19; i++) {
      joinStatus("127.0.0.5", String.format("%09d", 200000000 + i));
    }
    assertEquals(200, joinStatus("127.0.0.5", newSessionNumber(user)));
    joinStatus("127.0.0.5", "200000099");
    assertEquals(429, joinStatus("127.0.0.5", newSessionNumber(user)));
  }

  /** POSTs a join over TLS from a chosen loopback address, as a separate computer would. */
  private static int joinStatus(String fromAddress, String number, String... headers)
      throws Exception {
    try (Socket socket = RawHttp.tlsFrom(fromAddress)) {
      return RawHttp.post(socket, AgentPaths.JOIN, joinBody(number), headers).status();
    }
  }

  static String joinBody(String number) {
    return "{\"number\":\""
        + number
        + "\",\"computerName\":\"pc\",\"osName\":\"os\",\"osUser\":\"u\"}";
  }
}
