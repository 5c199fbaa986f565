package org.assist.protocol;

import jakarta.json.JsonObject;

/** The customer (or the computer) stopped the agent; the session stays open. */
public record Bye() implements EventBody {
  @Override
  public EventType eventType() {
    return EventType.BYE;
  }

  @Override
  public JsonObject toJson() {
    return JsonCodec.object().build();
  }

  public static Bye fromJson(JsonObject json) {
    return new Bye();
  }
}
