package org.assist.protocol;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands and events as Jakarta Messaging messages: a {@link BytesMessage} with the JSON body as
 * UTF-8 bytes and the routing facts as properties. Shared by the server and the agent, so both read
 * and write exactly the same thing.
 */
public final class JmsCodec {
  private JmsCodec() {}

  /** A command with its signature, as the agent received it. */
  public record SignedCommand(Command command, String signature) {
    /** The command's body, read and checked (only once the signature has been verified). */
    public CommandBody body() throws MalformedMessageException {
      return command.type().read(JsonCodec.parse(command.body(), Protocol.MAX_COMMAND_BYTES));
    }

    /**
     * How long the customer has to answer, as the signed body says (the help desk's policy, within
     * {@link Protocol#MIN_CONSENT_SECONDS} and {@link Protocol#MAX_CONSENT_SECONDS}); null when it
     * says nothing.
     */
    public Duration consentTimeout() throws MalformedMessageException {
      JsonObject json = JsonCodec.parse(command.body(), Protocol.MAX_COMMAND_BYTES);
      if (!(json.get(Protocol.CONSENT_SECONDS) instanceof JsonNumber seconds)) {
        return null;
      }
      long bounded =
          Math.max(
              Protocol.MIN_CONSENT_SECONDS,
              Math.min(Protocol.MAX_CONSENT_SECONDS, seconds.longValue()));
      return Duration.ofSeconds(bounded);
    }
  }

  public static void writeCommand(BytesMessage message, Command command, String signature)
      throws JMSException {
    message.setJMSCorrelationID(command.id());
    message.setIntProperty(Protocol.PROTOCOL_VERSION, Protocol.VERSION);
    message.setStringProperty(Protocol.TYPE, command.type().name());
    message.setStringProperty(Protocol.COMMAND_ID, command.id());
    message.setStringProperty(Protocol.AGENT_ID, command.agentId());
    message.setLongProperty(Protocol.ISSUED_AT, command.issuedAt().toEpochMilli());
    message.setStringProperty(Protocol.SIGNATURE, signature);
    message.writeBytes(command.body());
  }

  public static SignedCommand readCommand(Message message) throws MalformedMessageException {
    try {
      checkVersion(message);
      CommandType type = enumProperty(CommandType.class, message, Protocol.TYPE);
      String id = required(message, Protocol.COMMAND_ID);
      String agentId = required(message, Protocol.AGENT_ID);
      if (!message.propertyExists(Protocol.ISSUED_AT)) {
        throw new MalformedMessageException("no " + Protocol.ISSUED_AT);
      }
      Instant issuedAt = Instant.ofEpochMilli(message.getLongProperty(Protocol.ISSUED_AT));
      byte[] body = body(message, Protocol.MAX_COMMAND_BYTES);
      return new SignedCommand(
          new Command(id, agentId, type, issuedAt, body),
          message.getStringProperty(Protocol.SIGNATURE));
    } catch (JMSException e) {
      throw new MalformedMessageException("unreadable command: " + e.getMessage(), e);
    }
  }

  /**
   * Writes an event of the given agent. Its events form one message group, so the server's
   * consumers take them one at a time and in order, while different agents go in parallel.
   */
  public static void writeEvent(BytesMessage message, Event event, String agentId)
      throws JMSException {
    message.setStringProperty("JMSXGroupID", agentId);
    message.setIntProperty(Protocol.PROTOCOL_VERSION, Protocol.VERSION);
    message.setStringProperty(Protocol.TYPE, event.type().name());
    message.setStringProperty(Protocol.EVENT_ID, event.id());
    if (event.commandId() != null) {
      message.setJMSCorrelationID(event.commandId());
      message.setStringProperty(Protocol.COMMAND_ID, event.commandId());
    }
    message.writeBytes(JsonCodec.bytes(event.body().toJson()));
  }

  /**
   * Writes several events of the given agent in one message, in order (one event: as {@link
   * #writeEvent}): the server applies them in one transaction instead of one each.
   */
  public static void writeEvents(BytesMessage message, List<Event> events, String agentId)
      throws JMSException {
    if (events.size() == 1) {
      writeEvent(message, events.get(0), agentId);
      return;
    }
    if (events.isEmpty() || events.size() > Protocol.MAX_EVENTS_IN_MESSAGE) {
      throw new IllegalArgumentException(events.size() + " events in one message");
    }
    message.setStringProperty("JMSXGroupID", agentId);
    message.setIntProperty(Protocol.PROTOCOL_VERSION, Protocol.VERSION);
    message.setStringProperty(Protocol.TYPE, Protocol.EVENTS);
    JsonArrayBuilder list = JsonCodec.array();
    for (Event event : events) {
      JsonObjectBuilder each =
          JsonCodec.object()
              .add("id", event.id())
              .add("type", event.type().name())
              .add("body", event.body().toJson());
      Fields.put(each, "commandId", event.commandId());
      list.add(each);
    }
    message.writeBytes(JsonCodec.bytes(JsonCodec.object().add("events", list).build()));
  }

  /** The events of a message written by {@link #writeEvents} or {@link #writeEvent}, in order. */
  public static List<Event> readEvents(Message message) throws MalformedMessageException {
    try {
      if (!Protocol.EVENTS.equals(message.getStringProperty(Protocol.TYPE))) {
        return List.of(readEvent(message));
      }
      checkVersion(message);
      JsonObject json =
          JsonCodec.parse(body(message, Protocol.MAX_EVENT_BYTES), Protocol.MAX_EVENT_BYTES);
      if (!(json.get("events") instanceof JsonArray array)
          || array.size() < 2
          || array.size() > Protocol.MAX_EVENTS_IN_MESSAGE) {
        throw new MalformedMessageException(
            "events: not a list of 2 to " + Protocol.MAX_EVENTS_IN_MESSAGE + " events");
      }
      List<Event> events = new ArrayList<>(array.size());
      for (JsonValue value : array) {
        if (!(value instanceof JsonObject each) || !(each.get("body") instanceof JsonObject body)) {
          throw new MalformedMessageException("an event without a body");
        }
        EventType type;
        try {
          type = EventType.valueOf(Fields.text(each, "type", 64));
        } catch (IllegalArgumentException e) {
          throw new MalformedMessageException("unknown type " + each.get("type"));
        }
        events.add(
            new Event(
                nonBlank(Fields.text(each, "id", 128), "id"),
                Fields.optionalText(each, "commandId", 128),
                type.read(body)));
      }
      return events;
    } catch (JMSException e) {
      throw new MalformedMessageException("unreadable events: " + e.getMessage(), e);
    }
  }

  private static String nonBlank(String value, String name) throws MalformedMessageException {
    if (value.isBlank()) {
      throw new MalformedMessageException("missing or invalid " + name);
    }
    return value;
  }

  private static Event readEvent(Message message) throws MalformedMessageException {
    try {
      checkVersion(message);
      EventType type = enumProperty(EventType.class, message, Protocol.TYPE);
      String id = required(message, Protocol.EVENT_ID);
      String commandId = message.getStringProperty(Protocol.COMMAND_ID);
      JsonObject body =
          JsonCodec.parse(body(message, Protocol.MAX_EVENT_BYTES), Protocol.MAX_EVENT_BYTES);
      return new Event(id, commandId, type.read(body));
    } catch (JMSException e) {
      throw new MalformedMessageException("unreadable event: " + e.getMessage(), e);
    }
  }

  private static void checkVersion(Message message) throws JMSException, MalformedMessageException {
    if (!message.propertyExists(Protocol.PROTOCOL_VERSION)
        || message.getObjectProperty(Protocol.PROTOCOL_VERSION) == null
        || !String.valueOf(Protocol.VERSION)
            .equals(String.valueOf(message.getObjectProperty(Protocol.PROTOCOL_VERSION)))) {
      throw new MalformedMessageException(
          "protocol version "
              + message.getObjectProperty(Protocol.PROTOCOL_VERSION)
              + ", expected "
              + Protocol.VERSION);
    }
  }

  private static String required(Message message, String name)
      throws JMSException, MalformedMessageException {
    String value = message.getStringProperty(name);
    if (value == null || value.isBlank() || value.length() > 128) {
      throw new MalformedMessageException("missing or invalid " + name);
    }
    return value;
  }

  private static <E extends Enum<E>> E enumProperty(Class<E> type, Message message, String name)
      throws JMSException, MalformedMessageException {
    String value = required(message, name);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException("unknown " + name + " " + value);
    }
  }

  private static byte[] body(Message message, int maxBytes)
      throws JMSException, MalformedMessageException {
    if (!(message instanceof BytesMessage bytes)) {
      throw new MalformedMessageException(
          "not a BytesMessage: " + message.getClass().getSimpleName());
    }
    long length = bytes.getBodyLength();
    if (length > maxBytes) {
      throw new MalformedMessageException(
          "body of " + length + " bytes is over the limit of " + maxBytes);
    }
    byte[] body = new byte[(int) length];
    bytes.readBytes(body);
    return body;
  }
}
