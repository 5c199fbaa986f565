package org.assist.protocol;

import jakarta.json.JsonObject;

/**
 * The credentials the technician typed once the customer allowed a {@link LogInRequest}; the agent
 * takes them only while that consent holds.
 */
public record LogInCredentials(SealedCredentials credentials) implements CommandBody {
  public LogInCredentials {
    if (credentials == null) {
      throw new IllegalArgumentException("no credentials");
    }
  }

  @Override
  public CommandType commandType() {
    return CommandType.CREDENTIALS;
  }

  @Override
  public JsonObject toJson() {
    return JsonCodec.object().add("credentials", credentials.toJson()).build();
  }

  public static LogInCredentials fromJson(JsonObject json) throws MalformedMessageException {
    SealedCredentials sealed = SealedCredentials.optional(json, "credentials");
    if (sealed == null) {
      throw new MalformedMessageException("no credentials");
    }
    return new LogInCredentials(sealed);
  }
}
