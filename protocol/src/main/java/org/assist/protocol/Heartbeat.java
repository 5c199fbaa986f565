package org.assist.protocol;

import jakarta.json.JsonObject;

/** The agent is still there. */
public record Heartbeat() implements EventBody {
  @Override
  public EventType eventType() {
    return EventType.HEARTBEAT;
  }

  @Override
  public JsonObject toJson() {
    return JsonCodec.object().build();
  }

  public static Heartbeat fromJson(JsonObject json) {
    return new Heartbeat();
  }
}
