package org.assist.protocol;

import jakarta.json.JsonObject;

/**
 * Who the server is, as an agent pins it: the SHA-256 fingerprint of its TLS certificate ({@code
 * AB:CD:...}) and its command-signing public key (base64 X.509). An agent gets it with itself from
 * the server's portal, or, having pinned the certificate, from {@link AgentPaths#IDENTITY} over
 * that pinned connection: never from an answer anybody on the network could give.
 */
public record ServerIdentity(String certificate, String signingKey) {
  public JsonObject toJson() {
    return JsonCodec.object().add("certificate", certificate).add("signingKey", signingKey).build();
  }

  public static ServerIdentity fromJson(JsonObject json) throws MalformedMessageException {
    return new ServerIdentity(
        Fields.text(json, "certificate", 128), Fields.text(json, "signingKey", 512));
  }
}
