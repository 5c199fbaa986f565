package org.assist.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * What an agent says about its computer when it joins and each time it connects: untrusted text,
 * clipped and escaped wherever the server keeps or shows it. Connecting, it also says which version
 * of the server's keys it trusts ({@link ServerIdentity#version()}), so that a server whose keys
 * were renewed meanwhile sends it a {@link TrustUpdate}; 0 says nothing.
 */
public record Hello(String computerName, String osName, String osUser, int trustVersion)
    implements EventBody {
  static final int MAX_TEXT = 1000;

  /** What a computer says of itself, saying nothing of the keys it trusts. */
  public Hello(String computerName, String osName, String osUser) {
    this(computerName, osName, osUser, 0);
  }

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
    if (trustVersion > 0) {
      json.add("trustVersion", trustVersion);
    }
    return json;
  }

  public static Hello fromJson(JsonObject json) throws MalformedMessageException {
    return new Hello(
        Fields.optionalText(json, "computerName", MAX_TEXT),
        Fields.optionalText(json, "osName", MAX_TEXT),
        Fields.optionalText(json, "osUser", MAX_TEXT),
        java.util.Objects.requireNonNullElse(
            Fields.optionalInteger(json, "trustVersion", 1, Integer.MAX_VALUE), 0));
  }
}
