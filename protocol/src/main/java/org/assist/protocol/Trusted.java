package org.assist.protocol;

import jakarta.json.JsonObject;

/** The agent took a {@link TrustUpdate}: it trusts this version of the server's keys now. */
public record Trusted(int version) implements EventBody {
  @Override
  public EventType eventType() {
    return EventType.TRUSTED;
  }

  @Override
  public JsonObject toJson() {
    return JsonCodec.object().add("version", version).build();
  }

  public static Trusted fromJson(JsonObject json) throws MalformedMessageException {
    return new Trusted(Fields.integer(json, "version", 1, Integer.MAX_VALUE));
  }
}
