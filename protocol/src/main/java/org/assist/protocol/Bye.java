package org.assist.protocol;

import jakarta.json.JsonObject;

/** The agent is stopping: the session ended, or the customer stopped it. */
public record Bye(Reason reason) implements EventBody {
  public enum Reason {
    /** The technician ended the session. */
    ENDED,
    /** The customer (or the computer) stopped the agent; the session stays open. */
    STOPPED
  }

  @Override
  public EventType eventType() {
    return EventType.BYE;
  }

  @Override
  public JsonObject toJson() {
    return JsonCodec.object()
        .add("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
        .build();
  }

  public static Bye fromJson(JsonObject json) throws MalformedMessageException {
    String reason = Fields.text(json, "reason", 16);
    for (Reason known : Reason.values()) {
      if (known.name().equalsIgnoreCase(reason)) {
        return new Bye(known);
      }
    }
    throw new MalformedMessageException("unknown reason to leave");
  }
}
