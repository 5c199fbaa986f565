package org.assist.protocol;

import jakarta.json.JsonObject;

/**
 * What an agent sends to join a session ({@code POST} to {@link AgentPaths#JOIN}): the number the
 * customer typed, and what it says about its computer (as in its {@link Hello}).
 */
public record JoinRequest(String number, Hello computer) {
  public JsonObject toJson() {
    return computer.addTo(JsonCodec.object().add("number", number)).build();
  }

  public static JoinRequest fromJson(JsonObject json) throws MalformedMessageException {
    return new JoinRequest(Fields.text(json, "number", 64), Hello.fromJson(json));
  }
}
