package org.assist.agent.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.core.client.impl.ClientMessageImpl;
import org.apache.activemq.artemis.jms.client.ActiveMQBytesMessage;
import org.assist.protocol.Event;
import org.assist.protocol.JmsCodec;
import org.assist.protocol.MalformedMessageException;
import org.assist.protocol.OutputChunk;
import org.assist.protocol.Protocol;
import org.assist.protocol.StepFinished;
import org.assist.protocol.StepStarted;
import org.junit.jupiter.api.Test;

/**
 * What an agent has to say at once goes in as few messages as fit, read back whole and in order.
 */
class EventMessagesTest {
  /** A message as the broker's client makes it, readable once written (as the server gets it). */
  private static BytesMessage message() throws JMSException {
    BytesMessage message =
        new ActiveMQBytesMessage(
            new ClientMessageImpl(
                ActiveMQBytesMessage.TYPE, true, 0, System.currentTimeMillis(), (byte) 4, 1024),
            null) {};
    // made as one received is: writable again, as a new one is
    message.clearProperties();
    message.clearBody();
    return message;
  }

  private static BytesMessage written(List<Event> events) throws JMSException {
    BytesMessage message = message();
    JmsCodec.writeEvents(message, events, "agent-1");
    message.reset();
    return message;
  }

  @Test
  void aScriptsEventsGoInOneMessageAndComeBackInOrder() throws Exception {
    List<Event> events =
        List.of(
            Event.of("c1", new StepStarted(0)),
            Event.of("c1", new OutputChunk(0, 0, false, "empaqueté, déjà\n")),
            Event.of("c1", new StepFinished(0, 0, 6, false, false, null, 1)),
            Event.of(null, new StepStarted(1)));
    assertEquals(List.of(events), BrokerLink.inMessages(events));

    List<Event> read = JmsCodec.readEvents(written(events));
    assertEquals(events, read);
  }

  @Test
  void oneEventGoesAsItAlwaysDid() throws Exception {
    Event one = Event.of("c2", new StepStarted(3));
    BytesMessage message = written(List.of(one));
    assertEquals("STEP_STARTED", message.getStringProperty(Protocol.TYPE));
    assertEquals(List.of(one), JmsCodec.readEvents(message));
  }

  @Test
  void bigOutputAndManyEventsAreSplitAcrossMessages() {
    String big = "x".repeat(60 * 1024);
    List<Event> outputs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      outputs.add(Event.of("c3", new OutputChunk(0, i, false, big)));
    }
    List<List<Event>> split = BrokerLink.inMessages(outputs);
    assertEquals(3, split.size());
    split.forEach(each -> assertEquals(1, each.size()));

    List<Event> many = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      many.add(Event.of("c4", new StepStarted(i % 10)));
    }
    List<List<Event>> messages = BrokerLink.inMessages(many);
    assertEquals(List.of(100, 50), messages.stream().map(List::size).toList());
    assertEquals(many, messages.stream().flatMap(List::stream).toList());
  }

  @Test
  void aMessageOfEventsOutOfShapeIsMalformed() throws Exception {
    for (String body :
        List.of(
            "{}",
            "{\"events\":[]}",
            "{\"events\":[{\"id\":\"a\",\"type\":\"STEP_STARTED\",\"body\":{\"step\":0}}]}",
            "{\"events\":[{\"id\":\"a\",\"type\":\"NOPE\",\"body\":{}},"
                + "{\"id\":\"b\",\"type\":\"STEP_STARTED\",\"body\":{\"step\":0}}]}",
            "{\"events\":[{\"id\":\" \",\"type\":\"STEP_STARTED\",\"body\":{\"step\":0}},"
                + "{\"id\":\"b\",\"type\":\"STEP_STARTED\",\"body\":{\"step\":0}}]}",
            "{\"events\":[{\"id\":\"a\",\"type\":\"STEP_STARTED\",\"body\":{\"step\":-1}},"
                + "{\"id\":\"b\",\"type\":\"STEP_STARTED\"}]}")) {
      BytesMessage message = message();
      message.setIntProperty(Protocol.PROTOCOL_VERSION, Protocol.VERSION);
      message.setStringProperty(Protocol.TYPE, Protocol.EVENTS);
      message.writeBytes(body.getBytes(StandardCharsets.UTF_8));
      message.reset();
      MalformedMessageException refused =
          assertThrows(MalformedMessageException.class, () -> JmsCodec.readEvents(message), body);
      assertTrue(!refused.getMessage().isBlank());
    }
  }
}
