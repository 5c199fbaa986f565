package org.assist.application;

/**
 * What a joining agent gets back: its identity for the broker (id and secret, the secret shown this
 * once and kept only as a hash), the session it is in, and the key that signs commands.
 */
public record JoinTicket(
    String agentId,
    String secret,
    long sessionId,
    String sessionNumber,
    String technician,
    String serverPublicKey) {

  @Override
  public String toString() {
    return "JoinTicket[" + agentId + ", session " + sessionId + "]";
  }
}
