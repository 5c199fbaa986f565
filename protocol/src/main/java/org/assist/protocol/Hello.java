package org.assist.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * What an agent says about its computer when it joins and each time it connects: untrusted text,
 * clipped and escaped wherever the server keeps or shows it.
 */
public record Hello(String computerName, String osName, String osUser) implements EventBody {
  static final int MAX_TEXT = 1000;

  @Override
  public EventType eventType() {
    return EventType.HELLO;
  }

  @Override
  public JsonObject toJson() {
    return addTo(JsonCodec.object()).build();
  }

  JsonObjectBuilder addTo(JsonObjectBuilder json) {
    Fields.put(json, "computerName", computerName);
    Fields.put(json, "osName", osName);
    Fields.put(json, "osUser", osUser);
    return json;
  }

  public static Hello fromJson(JsonObject json) throws MalformedMessageException {
    return new Hello(
        Fields.optionalText(json, "computerName", MAX_TEXT),
        Fields.optionalText(json, "osName", MAX_TEXT),
        Fields.optionalText(json, "osUser", MAX_TEXT));
  }
}
