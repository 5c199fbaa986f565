package org.assist.protocol;

import jakarta.json.JsonObject;

/**
 * A chat message: from the technician (a command, {@code from} their display name) or from the
 * customer (an event, {@code from} null: the server names the customer itself).
 */
public record ChatText(String from, String text) implements CommandBody, EventBody {
  public static final int MAX_TEXT = 4000;
  static final int MAX_NAME = 256;

  /** A customer's line. */
  public static ChatText fromCustomer(String text) {
    return new ChatText(null, text);
  }

  @Override
  public CommandType commandType() {
    return CommandType.CHAT;
  }

  @Override
  public EventType eventType() {
    return EventType.CHAT;
  }

  @Override
  public JsonObject toJson() {
    var json = JsonCodec.object().add("text", text);
    Fields.put(json, "from", from);
    return json.build();
  }

  public static ChatText fromJson(JsonObject json) throws MalformedMessageException {
    return new ChatText(
        Fields.optionalText(json, "from", MAX_NAME), Fields.text(json, "text", MAX_TEXT));
  }
}
