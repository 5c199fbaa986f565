package org.assist.agent;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.assist.agent.consent.ConsentAnswer;
import org.assist.agent.consent.ConsentGate;
import org.assist.agent.consent.ConsentRequest;
import org.assist.agent.consent.Customer;
import org.assist.agent.messaging.BrokerLink;
import org.assist.agent.messaging.CommandJournal;
import org.assist.agent.sysinfo.SystemInformation;
import org.assist.protocol.Command;
import org.assist.protocol.CommandSignature;
import org.assist.protocol.Event;
import org.assist.protocol.EventType;
import org.assist.protocol.JmsCodec;
import org.assist.protocol.JmsCodec.SignedCommand;
import org.assist.protocol.MalformedMessageException;

/**
 * The agent at work in a session: connected to the broker, it runs each signed command once, asks
 * the customer first where the command needs it, and reports back. It stops when the technician
 * ends the session or the customer stops it.
 */
final class AgentRuntime {
  static final int HEARTBEAT_SECONDS = 30;

  private final AgentState state;
  private final Path stateDir;
  private final Customer customer;
  private final ConsentGate consent;
  private final SystemInformation systemInformation;
  private final PublicKey serverKey;
  private final CommandJournal journal;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "assist-heartbeat");
            thread.setDaemon(true);
            return thread;
          });
  private BrokerLink link;

  AgentRuntime(
      AgentState state,
      Path stateDir,
      Customer customer,
      ConsentGate consent,
      SystemInformation systemInformation)
      throws IOException {
    this.state = state;
    this.stateDir = stateDir;
    this.customer = customer;
    this.consent = consent;
    this.systemInformation = systemInformation;
    this.serverKey = CommandSignature.decodePublicKey(state.serverPublicKey());
    this.journal = new CommandJournal(stateDir.resolve("journal.txt"));
  }

  /** Runs until the session ends; returns whether it ended (false: the customer left). */
  boolean run() throws JMSException, InterruptedException {
    link = new BrokerLink(state.server(), state.agentId(), state.secret());
    Thread leave = new Thread(this::leave, "assist-leave");
    Runtime.getRuntime().addShutdownHook(leave);
    try {
      customer.tell(Texts.get("connecting"));
      link.start(
          this::onCommand, up -> customer.tell(Texts.get(up ? "connected" : "disconnected")));
      customer.tell(Texts.get("connected"));
      send(EventType.HELLO, null, hello(), true);
      timer.scheduleAtFixedRate(
          this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
      ended.await();
      Runtime.getRuntime().removeShutdownHook(leave);
      return true;
    } finally {
      timer.shutdownNow();
      link.close();
    }
  }

  private void onCommand(Message message) {
    try {
      SignedCommand signed;
      try {
        signed = JmsCodec.readCommand(message);
      } catch (MalformedMessageException e) {
        refuse(message.getJMSCorrelationID(), "malformed command: " + e.getMessage());
        message.acknowledge();
        return;
      }
      Command command = signed.command();
      if (!command.agentId().equals(state.agentId())
          || !CommandSignature.verify(serverKey, command, signed.signature())) {
        refuse(command.id(), "signature does not verify");
        message.acknowledge();
        return;
      }
      if (journal.contains(command.id())) {
        message.acknowledge();
        return;
      }
      switch (command.type()) {
        case SYSTEM_INFO -> systemInfo(command);
        case END_SESSION -> {
          // journaled and acknowledged before acting: a redelivery must not end a new session
          journal.add(command.id());
          message.acknowledge();
          customer.tell(Texts.get("ended"));
          send(
              EventType.BYE,
              null,
              Json.createObjectBuilder().add("reason", "ended").build(),
              false);
          AgentState.clear(stateDir);
          ended.countDown();
          return;
        }
      }
      journal.add(command.id());
      message.acknowledge();
    } catch (JMSException | IOException e) {
      // not acknowledged: the broker delivers the command again
      customer.tell("Error: " + e.getMessage());
      throw new IllegalStateException(e);
    }
  }

  private void systemInfo(Command command) throws JMSException {
    ConsentAnswer answer =
        consent.ask(
            new ConsentRequest("system-info", Texts.get("consent.systemInfo", state.technician())));
    send(
        EventType.CONSENT,
        command.id(),
        Json.createObjectBuilder()
            .add("granted", answer.granted())
            .add("how", answer.how())
            .build(),
        true);
    if (answer.granted()) {
      send(EventType.SYSTEM_INFO, command.id(), systemInformation.collect().toJson(), true);
      // a collection is a burst; give the memory back to the customer's computer
      System.gc();
    }
  }

  private void refuse(String commandId, String reason) throws JMSException {
    customer.tell(Texts.get("refusedCommand", reason));
    send(
        EventType.REFUSED,
        commandId,
        Json.createObjectBuilder().add("reason", reason).build(),
        true);
  }

  private void heartbeat() {
    try {
      send(EventType.HEARTBEAT, null, Json.createObjectBuilder().build(), false);
    } catch (JMSException | RuntimeException e) {
      // the link reconnects by itself; the next heartbeat will go
    }
  }

  private JsonObject hello() {
    return Json.createObjectBuilder()
        .add("computerName", systemInformation.computerName())
        .add("osName", systemInformation.osName())
        .add("osUser", System.getProperty("user.name", ""))
        .build();
  }

  private void send(EventType type, String commandId, JsonObject body, boolean persistent)
      throws JMSException {
    long timeToLive = persistent ? 0 : TimeUnit.SECONDS.toMillis(HEARTBEAT_SECONDS * 2L);
    link.send(
        new Event(UUID.randomUUID().toString(), commandId, type, body), persistent, timeToLive);
  }

  /** Ctrl+C or a stop: say goodbye; the session stays open for the technician. */
  private void leave() {
    try {
      send(EventType.BYE, null, Json.createObjectBuilder().add("reason", "stopped").build(), false);
    } catch (JMSException | RuntimeException e) {
      // leaving anyway
    }
    customer.tell(Texts.get("stillThere"));
    link.close();
  }
}
