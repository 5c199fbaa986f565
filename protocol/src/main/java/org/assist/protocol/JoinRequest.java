package org.assist.protocol;

import jakarta.json.JsonObject;

/**
 * What an agent sends to join a session ({@code POST} to {@link AgentPaths#JOIN}): the number the
 * customer typed, what it says about its computer (as in its {@link Hello}), and the public key it
 * made for this session, to which credentials are sealed ({@link SealedCredentials}).
 *
 * @param agentKey the agent's RSA public key; null from an agent that cannot take credentials
 */
public record JoinRequest(String number, Hello computer, String agentKey) {
  public JsonObject toJson() {
    var json = computer.addTo(JsonCodec.object().add("number", number));
    Fields.put(json, "agentKey", agentKey);
    return json.build();
  }

  public static JoinRequest fromJson(JsonObject json) throws MalformedMessageException {
    String agentKey = Fields.optionalText(json, "agentKey", 4096);
    if (agentKey != null) {
      SealedCredentials.publicKey(agentKey);
    }
    return new JoinRequest(Fields.text(json, "number", 64), Hello.fromJson(json), agentKey);
  }
}
