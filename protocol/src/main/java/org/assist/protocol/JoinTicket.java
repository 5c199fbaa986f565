package org.assist.protocol;

import jakarta.json.JsonObject;

/**
 * What a joining agent gets back: its identity for the broker (id and secret, the secret shown this
 * once and kept by the server only as a hash), the server's port for the broker (same host, same
 * certificate as its HTTPS port) and the session it is in. The key that signs commands is not in
 * it: the agent knows it before ({@link ServerIdentity}).
 */
public record JoinTicket(
    String agentId,
    String secret,
    int brokerPort,
    long sessionId,
    String sessionNumber,
    String technician) {

  public JsonObject toJson() {
    return JsonCodec.object()
        .add("agentId", agentId)
        .add("secret", secret)
        .add("brokerPort", brokerPort)
        .add("sessionId", sessionId)
        .add("sessionNumber", sessionNumber)
        .add("technician", technician)
        .build();
  }

  public static JoinTicket fromJson(JsonObject json) throws MalformedMessageException {
    String agentId = Fields.text(json, "agentId", 24);
    if (!Protocol.isAgentId(agentId)) {
      throw new MalformedMessageException("not an agent id");
    }
    return new JoinTicket(
        agentId,
        Fields.text(json, "secret", 128),
        (int) Fields.number(json, "brokerPort", 1, 65_535),
        Fields.number(json, "sessionId", 1, Long.MAX_VALUE),
        Fields.text(json, "sessionNumber", 16),
        Fields.text(json, "technician", ChatText.MAX_NAME));
  }

  @Override
  public String toString() {
    return "JoinTicket[" + agentId + ", session " + sessionId + "]";
  }
}
