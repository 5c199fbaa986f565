package org.assist.protocol;

import jakarta.json.JsonObject;

/** The agent refused a command (a bad signature, a malformed body...), and why. */
public record Refusal(String reason) implements EventBody {
  @Override
  public EventType eventType() {
    return EventType.REFUSED;
  }

  @Override
  public JsonObject toJson() {
    return JsonCodec.object().add("reason", reason).build();
  }

  public static Refusal fromJson(JsonObject json) throws MalformedMessageException {
    return new Refusal(Fields.text(json, "reason", StepFinished.MAX_ERROR));
  }
}
