package org.assist.protocol;

import jakarta.json.JsonObject;

/**
 * Who the server is, as an agent pins it: the SHA-256 fingerprints of the TLS certificates it may
 * present ({@code AB:CD:...}, several separated by commas while one replaces another), its
 * command-signing public key (base64 X.509) and that key's version. An agent gets it with itself
 * from the server's portal, or, having pinned the certificate, from {@link AgentPaths#IDENTITY}
 * over that pinned connection, and later in a signed {@link TrustUpdate}: never from an answer
 * anybody on the network could give.
 */
public record ServerIdentity(String certificate, String signingKey, int version) {
  /** The first version of a server's keys. */
  public ServerIdentity(String certificate, String signingKey) {
    this(certificate, signingKey, 1);
  }

  /** The identity after this update: its key, and its certificates unless it names none. */
  public ServerIdentity updatedBy(TrustUpdate update) {
    return new ServerIdentity(
        update.certificates().isEmpty() ? certificate : String.join(",", update.certificates()),
        update.signingKey(),
        update.version());
  }

  public JsonObject toJson() {
    return JsonCodec.object()
        .add("certificate", certificate)
        .add("signingKey", signingKey)
        .add("version", version)
        .build();
  }

  public static ServerIdentity fromJson(JsonObject json) throws MalformedMessageException {
    return new ServerIdentity(
        Fields.text(json, "certificate", 1024),
        Fields.text(json, "signingKey", 512),
        java.util.Objects.requireNonNullElse(
            Fields.optionalInteger(json, "version", 1, Integer.MAX_VALUE), 1));
  }
}
